"""The schema's history as Alembic migrations: storage.create_schema and storage.upgrade run them.

Each revision is written out in full (operations and its own copies of any function it needs), so
it keeps its meaning when the app's code changes later. A new revision, from the repository root:
`alembic revision --rev-id 0003 -m "what changes"` (the next number) (pyproject.toml's [tool.alembic] points here).
"""
