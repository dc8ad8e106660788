"""`python -m tracker` is the same command as `tracker`."""

from tracker.cli import main

main()
