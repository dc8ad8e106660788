"""The table of figure terms: what happened to the people counted, and whether it is a flow or a
stock.

Series group on these words, so a source's own verb is mapped onto one of them ("were forced to
flee" → fled). The table grows here, in code, as IDMC's HELIX keeps its figure terms.
"""

from __future__ import annotations

# What a verb maps to when the people it counts are no figure of the table ("were still trapped").
NO_TERM = "none"

# term → the measure it usually goes with (a cumulative flow is still a flow).
TERMS: dict[str, str] = {
    "fled": "flow",
    "displaced": "flow",
    "evacuated": "flow",
    "left": "flow",
    "arrived": "flow",
    "returned": "flow",
    "surrendered": "flow",
    "died": "flow",
    "killed": "flow",
    "injured": "flow",
    "affected": "flow",
    "hosted": "stock",
    "remain": "stock",
    "detained": "stock",
}


def known_terms() -> str:
    """The known terms, for error messages."""
    return ", ".join(sorted(TERMS))


# Words that only link a count to its subject ("the number of citizens who have died stands at
# 50,096"): the subject's verb says what is counted; alone, they say a count at a moment.
LINKING_VERBS = r"(?:stands|stood)\s+at\b|total(?:s|led|ed)\b|(?:is|was)\s+(?:now\s+)?at\b"

# A toll and the words that give its count: "the death toll rises to 24", "toll of 12". The
# extractor also reads a small number after them as a count.
TOLL = (
    # ("increasing the number of victims in the country to 12")
    r"(?:(?:death\s+)?toll[-–—]?|number\s+of\s+(?:deaths|dead|fatalities|victims|"
    # "The number of people who lost their lives in the flood disasters … increased to 70"
    r"people\s+who\s+(?:have\s+|had\s+)?(?:lost\s+their\s+lives|died|perished))|"
    # "casualty figure now stands at 231"
    r"(?:fatality|casualty|death)\s+(?:figure|count|tally))\s+"
    # (two such phrases: "death toll in Himachal Pradesh due to heavy rains rose to 60")
    # (and what the disaster did: "The death toll from Cyclone Shaheen that crashed through Oman,
    # on Thursday rose to 14")
    # ("The death toll by the floods and landslides had reached 57 people")
    # ("in the flood disasters in Kastamonu, Sinop and Bartın increased to 70": a list's commas)
    # ("from floods sweeping through southwestern Yemen following heavy rains has risen to 49",
    # "from last week's devastating floods and landslides reached 202")
    r"(?:(?:from|in|across|due\s+to|after|following|caused\s+by|by)\s+(?:[\w’'.-]+,?\s+){1,6}?"
    r"(?:(?:that|which)\s+(?:[\w’'.-]+\s+){1,4}?[\w’'.-]+,\s+(?:[\w’'.-]+\s+){0,3}?)?){0,2}"
    # "the death toll is still raising and reached 14,294"
    r"(?:(?:is|was|has\s+been)\s+(?:still\s+)?(?:rising|raising|climbing|increasing)\s+and\s+)?"
    r"(?:(?:now|has|had|further|also|first)\s+)*"
    r"(?:st(?:ands|ood)\s+at|at|of|was|is|(?:estimated|put)(?:\s+to\s+be|\s+at)?|"
    r"(?:risen|rises|rose|rising|climbed|climbs|climbing|reached|reaches|reaching|jumped|jumps|"
    r"increased|grew|hit|hits)"
    r"(?:\s+to)?|pass(?:es|ed)?|surpass(?:es|ed)?|exceed(?:s|ed)?|topped|tops|to|"
    # "The toll includes four people in Brazil, two in Argentina and four in Paraguay"
    r"includes|included|including)\b"  # "… bringing the death toll to 81"
)

# Where people taken in are: "relief camps", "host communities", "evacuation centres".
SHELTER_PLACES = (
    r"(?:(?:relief|evacuation|IDP|refugee|displacement)\s+)?(?:camps?|shelters?|host\s+"
    r"communit(?:y|ies)|(?:evacuation|relief|collective|reception|care)\s+cent(?:re|er)s?|"
    # the buildings people shelter in: "3,000 evacuees were in the arena"
    r"arenas?|stadiums?|gymnasiums?|churches|church|mosques?|temples?|tents|PoC|sites|"
    # "about 3,000 evacuees were at a municipal hall"
    r"(?:municipal|town|city|community|village|sports|civic)\s+halls?|"
    # "2000 people are in emergency accommodation after their houses were flooded"
    r"(?:emergency|temporary)\s+accommodation)"
)

# A source's own words → (term, measure), tried in this order at each place in a sentence, so the
# longer, more specific phrase comes first ("remain in detention" → detained before "remain").
# Patterns are regular expressions matched case-insensitively from a word start.
VERBS: dict[str, tuple[str, str]] = {
    # given shelter, unlike other aid (below): "6,400 people were provided with emergency
    # sheltering over the past week"
    r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+provided\s+with\s+(?:emergency\s+|"
    r"temporary\s+)?shelter(?:ing|s)?\b": ("hosted", "stock"),
    # A state the table has no term for, which makes a number no figure: people trapped (the dev
    # set's convention), without power or water ("Thousands of residents and tourists were
    # without electricity").
    r"(?:(?:are|is|were|was)\s+)?(?:still\s+)?trapped\b|"
    r"without\s+(?:power|electricity|running\s+water|water|internet|phone|telecommunications?)\b|"
    r"had\s+no\s+(?:power|electricity|running\s+water|water)\b|out\s+of\s+school\b|"
    # aid given or people met, not people of the table: "Over 3,000 people were trained",
    # "About 5,000 people received cash transfers", "600 children were vaccinated"
    r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:trained|vaccinated|immuni[sz]ed|"
    r"screened|recruited|enrolled|provided\s+with|given|paid|compensated)\b|"
    # aid's reach: "Over 17, 000 people benefited from food security interventions"
    r"benefit+ed\s+from\b|"
    # people gone missing, babies born: "while two people in Gifu go missing", "Twelve refugee
    # babies have been born over the past two weeks"
    r"(?:go|goes|going|went|gone)\s+missing\b|(?:were|was|have\s+been|has\s+been)\s+born\b|"
    r"(?:received|receive|receiving)\s+(?:cash|food|shelter|hygiene|relief|non-food|aid|"
    r"assistance|kits?|vouchers?|rations?|support)\b|attended\b|"
    # where people live: "large villages in which thousands of people live.", "some 120,000
    # ethnic Armenians are believed to be living in the territory"
    r"live(?=\s*(?:[.;,]|$))|"
    # ("Some 200,000 people live in the 12 towns along the river that could eventually be affected")
    r"liv(?:e|es|ing)\s+in\s+the\s+(?:\d+\s+)?(?:territory|enclave|region|country|province|city|"
    r"town|towns|villages|cities)\b|"
    # "70-thousand people live on the main island of Tongatapu"
    r"liv(?:e|es|ing)\s+on\s+the\s+(?:[a-z]+\s+)?island\b|"
    # shelter planned, not given: "of which 6,000 will be given shelter in schools", "was
    # preparing to provide refuge for as many as 40,000 people"
    r"will\s+be\s+(?:given\s+shelter|sheltered|housed|accommodated)\b|"
    r"(?:preparing|prepared|ready|planning|plans?)\s+to\s+(?:provide\s+)?(?:refuge|shelter|house|"
    r"accommodate)\b|"
    # "about a million people … lived in the affected area"
    r"(?<!who\s)li(?:ve|ves|ved)\s+in\s+the\s+(?:affected\s+)?area\b":
        (NO_TERM, "stock"),
    r"(?:remain(?:s|ed|ing)?|held|kept)\s+in\s+(?:detention|custody|prison)": ("detained", "stock"),
    # "more than 18,000 people are held in 14 locations"
    r"(?:are|were|is|was|being|been)\s+(?:still\s+)?held\s+(?:in|at)\b": ("detained", "stock"),
    r"(?:were|was|been)\s+internally\s+displaced": ("displaced", "flow"),
    # displaced by something: the flow it caused ("34,100 people internally displaced by ongoing
    # hostilities")
    r"internally\s+displaced\s+(?:by|due\s+to|as\s+a\s+result\s+of)\b": ("displaced", "flow"),
    r"internally\s+displaced": ("displaced", "stock"),
    # displaced by something: the flow ("Thousands of people are displaced by the
    # floods", "An estimated 2,000 people are displaced from these conflicts")
    r"(?:are|is)\s+(?:(?:now|currently|temporarily|reportedly)\s+)?(?:internally\s+)?displaced\s+"
    r"(?:by|due\s+to|as\s+a\s+result\s+of|from|following|because)\b": ("displaced", "flow"),
    # "2,000 families … in Shabwah Governorate are reportedly displaced and living in public buildings"
    r"(?:are|is|remain|remained|were\s+still|still)\s+(?:(?:now|still|currently|temporarily|"
    r"reportedly)\s+)?(?:internally\s+)?displaced":
        ("displaced", "stock"),
    # hurt: "where three of them remained in a critical condition"
    r"(?:remain(?:s|ed)?|(?:are|is|were|was)(?:\s+still)?)\s+in\s+(?:a\s+)?(?:critical|serious)\s+"
    r"condition\b": ("injured", "flow"),
    # still in hospital: "Seventy-one people remain hospitalized", "a further 68 people were in
    # hospital"
    r"(?:remain(?:s|ed)?|still|(?:are|is|were|was)(?:\s+still)?)\s+(?:in\s+(?:the\s+)?hospitals?\b"
    r"(?!\s+(?:staff|workers|beds))|hospitali[sz]ed)\b":
        ("injured", "flow"),
    # where they are, waiting: "An estimated 15,000 Egyptians are now stranded at this border
    # area awaiting evacuation help", "at least 35 people stranded by the high waters" (d604)
    r"(?:(?:are|is|were|was|remain(?:s|ed)?)\s+(?:now\s+|still\s+)?|still\s+)?stranded\b"
    r"|(?:are|is|were|was)\s+(?:still\s+|now\s+)?left\s+(?:there|behind)\b|"
    # stuck or waiting somewhere, in a title too: "Thousands stranded in Greece after EU border
    # closures", "Tens of thousands of refugees and migrants are stuck in camps and ports",
    # "12,000 people … waited to cross to Macedonia", "more than 3500 people waited at the port"
    r"(?:stranded|stuck)\s+(?:in|at|on|along|across)\b|"
    r"(?:(?:are|is|were|was|remain(?:s|ed)?)\s+(?:now\s+|still\s+)?)?stuck\b(?!\s+by)|"
    r"wait(?:ed|ing)?\s+(?:to\s+cross|at|in)\b":
        ("remain", "stock"),
    # put out of their homes: "forced more than 5,000 people into temporary accommodation"
    r"into\s+(?:temporary|emergency)\s+accommodation\b": ("displaced", "flow"),
    # "40,965 people had to leave their homes": forced out of them
    r"(?:had|have|has)\s+to\s+leave\s+(?:their|his|her)\s+homes?\b": ("displaced", "flow"),
    # still hit by the disaster: "More than 33 million Pakistanis remain affected"
    r"(?:remain(?:s|ed)?|still)\s+(?:affected|impacted)\b": ("affected", "flow"),
    # hurt, whatever the verb: "left with various degrees of injuries", "grappling with injuries"
    r"(?:left|suffer(?:ed|ing|s)?|grappl(?:ing|ed|es|e)|treated)\s+(?:with|from|for)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:injur(?:y|ies)|burns|wounds)\b|"
    r"(?:suffered|sustained)\s+(?:[\w-]+\s+){0,2}?(?:injur(?:y|ies)|wounds)\b|"
    # "At least 189 Kyrgyzstanis sought medical help"
    r"(?:sought|seeking|needed|needing|required|received|receiving)\s+medical\s+(?:help|attention|care|treatment)\b|"
    # "more than 60 people needed urgent hospitalisation"
    r"(?:needed|needing|required|requiring)\s+(?:urgent\s+|immediate\s+)?hospitali[sz]ation\b|"
    # "Eight people continue to be treated at the hospital"
    r"(?:continue|continues|continuing|are|is|were|was|being)\s+(?:to\s+be\s+)?(?:still\s+)?"
    r"(?:being\s+)?treated\s+(?:at|in)\s+(?:the\s+|a\s+|local\s+|various\s+)?hospitals?\b":
        ("injured", "flow"),  # "14 villagers had suffered burn injuries"
    # "Nearly 24,000 people were ordered to leave area amid fears a second dam could collapse"
    r"ordered\s+to\s+(?:leave|evacuate|flee)\b": ("evacuated", "flow"),
    # hurt: "310 people have been admitted to hospitals", "were seriously burned", "had burns"
    r"(?:admitted|rushed|hospitali[sz]ed)\s+(?:to\s+(?:the\s+|a\s+)?)?hospitals?\b|"
    # "over 100 burn patients were transported to various hospitals", "were taken to various
    # treatment centers"
    r"(?:transported|taken|brought|evacuated)\s+to\s+(?:the\s+|a\s+|various\s+|several\s+|"
    r"nearby\s+|local\s+)?(?:hospitals?|treatment\s+cent(?:re|er)s?|health\s+(?:facilities|"
    r"cent(?:re|er)s?))\b|"
    r"(?:were|was)\s+(?:\w+\s+)?(?:burned|burnt)\b|(?:had|suffered|sustained)\s+(?:\w+\s+)?burns\b":
        ("injured", "flow"),
    # still out of their homes: "14,431 people remain evacuated"
    r"(?:remain(?:s|ed)?|still)\s+evacuated": ("displaced", "stock"),
    # not back yet: "with 38,000 yet to go home", "unable to return to their homes"
    r"(?:yet|unable|waiting)\s+to\s+(?:go|return)\s+(?:back\s+)?(?:home|to\s+their\s+homes?)\b":
        ("displaced", "stock"),
    # back home: "Thousands of Uzbek refugees … trekked back across the Uzbek border", "crossed
    # back into Kyrgyzstan"
    # ("Several thousand people have also crossed from Ingushetia back to Chechnya")
    r"(?:trekked|crossed|went|headed|streamed|came|walked|travell?ed|flocked|poured)\s+"
    r"(?:from\s+(?:[\w’'-]+\s+){1,3}?)?back\b":
        ("returned", "flow"),
    r"forced\s+to\s+flee": ("fled", "flow"),
    r"forced\s+(?:out|from)\b": ("displaced", "flow"),
    TOLL: ("died", "flow"),
    r"fle(?:d|e|es|eing)\b": ("fled", "flow"),
    r"escap(?:e|ed|ing|es)\b": ("fled", "flow"),
    r"(?:crossed|crossing)\b": ("fled", "flow"),
    r"(?:(?:are|is|were|was)\s+(?:seeking|taking)|(?:have|has|had)\s+(?:taken|sought|found)|"
    r"tak(?:e|es|ing)|find|finds|found|"  # ("Hundreds of Benin flood victims find shelter in …")
    r"(?<!who\s)took|"  # (not a relative clause's: "Meiteis, who took shelter at …, returned")
    r"seeks?|(?:been\s+)?offered(?:\s+temporary)?|to)\s+(?:shelter|refuge)\b": ("hosted", "stock"),
    # in tents now: "Hundreds of flood victims in the southern Benin town of Ouinhi are living
    # opposite a health clinic … in UNHCR-supplied tents"
    r"(?:are|is|were|was)\s+(?:still\s+|now\s+)?living\s+(?:[^.;]{0,60}?\s)?in\s+"
    r"(?:[\w-]+\s+){0,3}?tents\b": ("hosted", "stock"),
    # in camps now: "1,738 persons are in 55 camps in Thrissur district"
    rf"(?:are|is|were|was)\s+(?:still\s+)?(?:in|at)\s+(?:[\w,]+\s+){{0,3}}?{SHELTER_PLACES}\b":
        ("hosted", "stock"),
    # still in camps: "146,000 IDPs … remain in 271 camps", "1.5 million persons lived in makeshift
    # camps"
    rf"(?:remain(?:s|ed|ing)?|li(?:ve|ved|ving))\s+in\s+(?:[\w,-]+\s+){{0,2}}?{SHELTER_PLACES}\b":
        ("hosted", "stock"),
    # "546 people … are placed in an emergency camp of 34 tents"
    rf"(?:are|were|been)\s+placed\s+in\s+(?:[\w,-]+\s+){{0,2}}?{SHELTER_PLACES}\b":
        ("hosted", "stock"),
    # "37,000 people are scattered across 10 rural sites along Chad's bank of the Logone River"
    rf"(?:scattered|dispersed)\s+(?:across|in|among|over)\s+(?:[\w,-]+\s+){{0,3}}?"
    rf"{SHELTER_PLACES}\b": ("hosted", "stock"),
    # "with details of 45 people being in the Tagulandang District BPU building and 783 people
    # being in the homes of friends and relatives"
    rf"being\s+(?:in|at)\s+(?:the\s+|a\s+)?(?:(?:[\w-]+\s+){{0,4}}?(?:{SHELTER_PLACES}|buildings?|"
    r"schools?)|homes?\s+of\b)": ("hosted", "stock"),
    # "Approximately 10,620 people have congregated in at least ten care centre sites"
    rf"(?:congregat(?:ed|ing)|gathered|gathering)\s+(?:in|at)\s+(?:[\w,-]+\s+){{0,3}}?"
    rf"{SHELTER_PLACES}\b": ("hosted", "stock"),
    # out of their homes, in the open: "Up to 4,000 people were camped on a hill behind Gizo",
    # "Thousands Camped Out On Higher Ground"
    r"(?:(?:are|is|were|was|been|now)\s+)?camp(?:ed|ing)\s+(?:out\s+)?(?:on|along|outside|"
    r"in\s+the\s+open)\b": ("displaced", "flow"),
    # where people are now: "are now camped out in the 58 schools", "are settled in 916 sites"
    r"camp(?:ed|ing)\s+out\b|(?:are|is|were|was|been|now)\s+camp(?:ed|ing)\b|"
    r"(?:are|is|were|was|been)\s+(?:now\s+)?settled\s+in\b": ("hosted", "stock"),
    # out of their homes: "thousands sleep in the open", "spent the night outside"
    r"sle(?:ep|eps|pt|eping)\s+(?:in\s+the\s+open|outside|outdoors|rough|in\s+the\s+streets?)|"
    r"spen[dt]\s+the\s+night\s+(?:outside|outdoors|in\s+the\s+open)|"
    r"night\s+(?:out\s+)?in\s+the\s+open|"
    # "left 11,500 asylum seekers … without adequate shelter"
    r"without\s+(?:adequate\s+|any\s+|proper\s+)?shelter\b": ("displaced", "flow"),
    r"(?:are|is|were|was)\s+(?:already\s+|now\s+|still\s+)?(?:moving|heading|trekking|flocking)"
    r"\s+(?:towards?|to|into)\b": ("fled", "flow"),
    # where they are now: "hundreds of immigrants who sought refuge in this government-run
    # encampment"
    # ("sought safety in Lahj", "have sought refuge at Tshituripasi Police Post")
    r"(?:sought|seeking)\s+(?:shelter|refuge|safety)\s+(?:in|at)\b": ("hosted", "stock"),
    # asylum-seekers in the country they asked: "some 29,500 Nicaraguans had formally filed asylum
    # applications", "26,000 others are waiting to have their claims formalized"
    r"(?:filed|lodged|submitted)\s+(?:\w+\s+)?(?:asylum\s+(?:applications?|claims?|requests?)|"
    r"applications?\s+for\s+asylum)|applied\s+for\s+asylum|to\s+have\s+their\s+(?:asylum\s+)?"
    r"claims\b": ("hosted", "stock"),
    r"(?:to\s+seek|sought)\s+(?:shelter|refuge|safety|asylum)": ("fled", "flow"),
    # homes lost: "nearly half a million Bangladeshis … have lost their homes"
    # ("resulting in … 23,683 families losing their homes")
    r"(?:lost|losing)\s+(?:their|his|her)\s+(?:own\s+)?(?:homes?|houses?|dwellings?)":
        ("displaced", "flow"),
    r"lost\s+(?:(?:their|his|her)\s+)?lives": ("died", "flow"),  # ("168 people have lost lives")
    # a camp's people whose shelters burnt: "12,000 Rohingya refugees “lost everything again”"
    r"lost\s+everything\b": ("displaced", "flow"),
    # "These 188 people had migrated to Myanmar, when ethnic clashes … were at its peak"
    r"migrat(?:ed|ing|es?)\s+(?:to|into)\b": ("fled", "flow"),
    r"displac(?:e|ed|es|ing|ements?)\b": ("displaced", "flow"),
    r"uproot(?:ed|ing)\b": ("displaced", "flow"),
    # "The Iranian Red Crescent transported 500 people to safe areas"
    r"to\s+(?:safe|safer)\s+"
    r"(?:areas?|places?|locations?|zones?|grounds?)\b": ("evacuated", "flow"),
    # taken to where people are taken in: "headed to safety in evacuation centres", "were already
    # transported to the evacuation centers"; or away: "Over 1,100 residents were taken to another
    # part of Bodrum aboard nearly 20 boats"
    r"(?:moved|taken|transported|ferried|relocated)\s+to\s+(?:an)?other\s+parts?\s+of\b|"
    r"(?:head(?:ed|ing)|went|gone|moved|taken|brought|transported|transferred|ferried)\s+to\s+"
    # ("45 persons have been transferred to a shelter")
    r"(?:safety|(?:the\s+|an?\s+)?(?:(?:evacuation|relief|shelter)\s+(?:cent(?:re|er)s?|sites?|camps?|"
    r"shelters?)|shelters?))\b":
        ("evacuated", "flow"),
    # moved by an agency: "7,212 have been transported from Nadapal entry point to Kakuma"
    r"transported\s+(?:from|today)\b": ("evacuated", "flow"),
    # sheltering in a place of worship or a school: "there are some 200 people in Tar Yao
    # monastery", "300 people in the boarding school of the Roman Catholic church"
    r"in\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:monaster(?:y|ies)|pagodas?|mosques?|boarding\s+schools?)\b":
        ("hosted", "stock"),
    # sent into them by another's verb before the count: "Lisa’s passage forced just over 5,000
    # people into emergency shelters", "Authorities took 60,000 people to cyclone shelters"
    # (but where they are already: "tens of thousands already crammed into emergency shelters",
    # "hunkered down in luxury hotels converted into shelters")
    r"(?:crammed|packed|squeezed|huddled|hunker(?:ed|ing)?\s+down|converted)\s+(?:in|into)\b":
        ("hosted", "stock"),
    r"(?:in)?to\s+(?:(?:the|emergency|evacuation|cyclone|temporary|government|public)\s+){0,2}"
    r"shelters\b": ("evacuated", "flow"),
    # where people are taken in: "1,530 across six evacuation centres" (not a verb of evacuating)
    r"(?:in|across|at)\s+(?:[\w(),-]+\s+){0,3}?(?:evacuation|relief)\s+(?:cent(?:re|er)s?|camps?|"
    r"sites?|shelters?|facilit(?:y|ies))\b": ("hosted", "stock"),
    r"evacuat(?:e|ed|ing|ions?|es)\b(?!\s+(?:cent(?:re|er)s?|sites?|shelters?|facilit))":
        ("evacuated", "flow"),
    # "70 Chaiten residents refuse to leave": they stay
    r"(?:refuse|refused|refusing)\s+to\s+(?:leave|evacuate|move)\b": ("remain", "stock"),
    # homeless now: "GOI estimates that 45,000 people are homeless"
    r"(?:are|is|remain|remained|still)\s+(?:now\s+|still\s+)?homeless\b": ("displaced", "stock"),
    # a count of them at a moment: "the total number of homeless was approximately 28,000"
    r"(?:number|total)\s+of\s+(?:the\s+)?homeless\s+(?:is|was|stands|stood)\b": ("displaced", "stock"),
    r"(?:left|rendered|made)\s+homeless|homeless\b": ("displaced", "flow"),
    # "forced 19,000 people out of their homes"
    # told to leave: "thousands of people are being ordered out of their homes in Townsville"
    r"ordered\s+out\s+of\s+(?:their|his|her)\s+(?:homes?|houses?)\b": ("evacuated", "flow"),
    r"out\s+of\s+(?:their|his|her)\s+(?:homes?|houses?)\b": ("displaced", "flow"),
    # "around 10,000 people had lost shelter and property"
    r"lost\s+(?:their\s+)?shelters?\b": ("displaced", "flow"),
    # stopped at a border they crossed: "Almost 7,000 asylum seekers have been intercepted at the
    # Quebec-U.S. border" (arrived, as the annotators read people who crossed and were stopped)
    r"intercepted\b": ("arrived", "flow"),
    # "80 Galena evacuees flew to Fairbanks": where they went
    r"(?:flew|flown)\s+to\b": ("arrived", "flow"),
    # sent out of a country: "1,200 sub-Saharan citizens were expelled"
    r"expelled\b": ("returned", "flow"),
    # sent back: "some 2,735 migrants from Central America were deported by land from Mexico"
    r"(?:(?:were|was|been|being|are|is)\s+)?deported\b": ("returned", "flow"),
    # deaths by another's hand: "1,225 homicides have been registered"
    r"homicides\b": ("killed", "flow"),
    # taken out: "Twenty-four residents of Lysychansk … are already on their way to safety"
    r"on\s+(?:the|their)\s+way\s+to\s+safety\b": ("evacuated", "flow"),
    # on the move: "Thousands more Central Americans … are on the way to Tijuana"
    r"(?:are|is|were|was)\s+(?:now\s+|still\s+)?on\s+(?:the|their)\s+way\s+to\b": ("fled", "flow"),
    r"rescued\b|(?:flown|airlifted|ferried|pulled)\s+out\b|airlifted\b|plucked\b": ("evacuated", "flow"),
    # "Ten families consisting of around 150 people had already been transported to the mainland"
    r"(?:transported|ferried|taken|moved|shifted)\s+to\s+(?:the\s+)?(?:mainland|safety|safer\s+"
    r"(?:places?|areas?|locations?|ground)|higher\s+ground)\b": ("evacuated", "flow"),
    r"(?:came|come|coming|got|get|getting|poured|pouring|streamed|streaming|flooded|flooding)"
    r"\s+out\b": ("left", "flow"),
    # (not a state people are left in: "none of them were left hungry")
    r"(?:left|leaving|leaves|leave|exited|departed|emerged|vacated|vacating)\b"
    # ("350 were left injured by the tremor": hurt, below)
    r"(?!\s+(?:hungry|stranded|alone|destitute|without|helpless|exposed|injured|wounded|"
    r"dead)\b)": ("left", "flow"),
    # out of their homes: "Worst floods in decades force 145,000 from homes"
    r"from\s+(?:their\s+)?homes\b": ("displaced", "flow"),
    # "the over 350,000 IDPs already in Baghdad Governorate"
    r"already\s+(?:in|at)\b": ("hosted", "stock"),
    # into a country: "thousands flood into Iraq", "streaming into"
    # ("a thousand Central Africans flocked to Chad")
    r"flood(?:ed|ing)?\s+into\b|(?:pour|stream)(?:s|ed|ing)?\s+(?:into|across)\b|"
    r"flock(?:s|ed|ing)?\s+(?:in)?to\b": ("arrived", "flow"),
    r"(?<!after\s)(?<!before\s)(?<!upon\s)(?<!on\s)arriv(?:ed|ing|als?|es)\b": ("arrived", "flow"),
    # "2,092 displaced families moved on from the spontaneous sites"
    # ("245,482 people … moved out of Akkakhel, Sipah, Akkakhel and Kamarkhel areas")
    r"moved\s+(?:on\s+from|out\s+of)\b": ("left", "flow"),
    # ("33,409 relocated individuals in 79 camps", "39 people continue to be relocated with
    # relatives": where they are now; not "81 asylum-seekers have been relocated in southern
    # Malawi", moved there)
    r"(?<!been\s)(?<!were\s)(?<!was\s)relocated\s+(?:\w+\s+)?(?:in|with)\b": ("hosted", "stock"),
    r"(?:moved|relocated|transferred)\s+(?:away\s+)?from\b|relocated\b|"
    # moved by others: "15,500 refugees had been transferred away from the unsafe border area"
    r"(?:were|was|been)\s+transferred\b": ("evacuated", "flow"),
    # "Those who were shifted to safer places include nearly 8,900 children"
    # ("More than 500 villagers have been moved to makeshift tents": moved by others)
    r"(?:were|was|been)\s+(?:shifted|moved\s+to)\b": ("evacuated", "flow"),
    # people who moved away on their own: "More than 330 people among the survivors moved to"
    # ("over five thousand displaced families … have shifted to Jalozai camp")
    r"(?:moved|shifted)\s+(?:away\s+)?to\b": ("arrived", "flow"),
    r"(?:are|is)\s+(?:now\s+)?registered\b|(?:are|is)\s+(?:now|currently)\s+in\b(?!\s+need\b)|"
    r"are\s+(?:now|currently)\s+at\b": ("hosted", "stock"),
    r"(?:been|were|was)\s+registered\b": ("arrived", "flow"),
    # ("About 1,500 children were among those to enter the territory")
    # ("Some have also made it as far as Marib city (201 HHs)")
    r"(?:reached|reaching|entered|entering|to\s+enter|made\s+it\s+(?:as\s+far\s+as|to)\b|"
    r"brought\s+to|transferred\s+to)":
        ("arrived", "flow"),
    # "the more than 6,000 who swam from the North African country into the Spanish enclave"
    r"sw(?:am|im|imming|um)\s+(?:from|to|into|across|ashore)\b": ("arrived", "flow"),
    # sent back: "Spain has sent 2,700 people back to Morocco"
    # (not back at their desks: "return to school", "back to work")
    r"back\s+(?:to|into|across)\b(?!\s+(?:normal|school|work|classes)\b)": ("returned", "flow"),
    r"join(?:ed|ing|s)?\b": ("arrived", "flow"),
    r"(?:returned|returning|returns?|returnees)\b(?!\s+to\s+(?:school|work|classes)\b)":
        ("returned", "flow"),
    r"surrender(?:ed|ing|s)?\b": ("surrendered", "flow"),
    r"(?:died|dying|die|dies|deaths?|dead|perish(?:ed|es|ing)?|fatalit(?:y|ies)|drown(?:ed|s|ing)?|succumbed|"
    r"passed\s+away)\b":
        ("died", "flow"),
    # "one person was swept away by floods in Takilsa", "23 people … was washed away by a flash
    # flood" (of people: "homes washed away" is no verb of theirs, the things' words say so)
    r"(?:swept|washed)\s+away\b": ("died", "flow"),
    # ('At least 138 men, women and children were "executed,"')
    r"killed\b|sh(?:ot|ooting)\s+dead\b|(?:were|was|been)\s+[“\"]?executed\b": ("killed", "flow"),
    # "At least 12 people were hurt", "300 people were hospitalized" (hurt by a crisis: affected)
    # ("reports indicating 2,376 injuries", as "deaths" above)
    r"(?:injured|wounded|injuries)\b|hurt\b(?!\s+by)|hospitali[sz]ed\b": ("injured", "flow"),
    # in need of aid, or going hungry: affected, the table having no term of need
    # ("some 30,000 people are still in dire need of urgent emergency assistance")
    r"(?:(?:are|is|were|was)\s+still\s+)?in\s+(?:urgent\s+|dire\s+|acute\s+|critical\s+)?need\b|"
    r"going\s+hungry\b":
        ("affected", "flow"),
    # (not a place's rank: "26,000 evacuees were recorded in Tumpat, making it the worst affected
    # of the districts")
    r"(?<!worst\s)(?<!most\s)(?:affect|impact)(?:ed|ing|s)\b|"
    r"(?:hit|struck|marooned|cut\s+off)\s+by\b":
        ("affected", "flow"),
    # an arrest is an event: "At least 14 have been arrested for looting in the past two days"
    r"arrested\b": ("detained", "flow"),
    # and so is being detained: "1,678 people had been detained in the past 24 hours"
    r"(?:(?:have|has|had)\s+been|were|was)\s+detained\b": ("detained", "flow"),
    # "held hundreds hostage"
    r"hostages?\b": ("detained", "stock"),
    r"(?:detained|detention|in\s+custody|imprisoned)\b": ("detained", "stock"),
    # in hospital, hurt: "387 people are still staying at the hospitals … for medical treatment"
    # (tried before the stay below, which the same words start)
    r"(?:still\s+)?stay(?:s|ing|ed)?\s+(?:in|at)\s+(?:the\s+)?hospitals?\b": ("injured", "flow"),
    r"(?:still\s+)?stay(?:s|ing|ed)?\s+(?:in|at|with)\b": ("hosted", "stock"),
    # "240 evacuation centres … with more than 17,000 evacuees occupying them"
    r"occupy(?:ing)?\s+(?:them|the\s+(?:(?:evacuation|relief)\s+)?(?:cent(?:re|er)s|shelters|camps|"
    r"schools|buildings))\b": ("hosted", "stock"),
    # "families whose houses have collapsed" own the houses: nobody is housed; nor are "eight
    # houses severely damaged" houses that house anyone
    r"(?<!whose\s)(?<!their\s)"
    r"(?:hosts?|hosted|hosting|sheltering|sheltered|shelters|housing|"
    r"houses(?!\s+(?:were|was|have|had|are|(?:\w+ly\s+)?(?:damaged|destroyed|flooded|collapsed|"
    r"submerged|affected|washed))\b)|housed|accommodat(?:es|ing|ed|e))\b":
        ("hosted", "stock"),
    LINKING_VERBS: ("hosted", "stock"),
    # "a couple hundred people have been sleeping in classrooms" of a school turned shelter,
    # "Thousands of tourists had to spend the night in schools, sports halls and on ferries"
    r"sleep(?:ing|s)?\s+(?:in|at)\b|sp(?:e|en)nd(?:s|ing)?\s+the\s+night\s+(?:in|at|on)\b":
        ("hosted", "stock"),
    # "About 3,400 displaced Muslims are crowded into this camp"
    r"(?:crowded|crammed|packed|squeezed)\s+(?:in|into)\b": ("hosted", "stock"),
    # "After 15,000 evacuees filled the Astrodome late Thursday night"
    r"filled\s+(?:the|a|an)\b": ("hosted", "stock"),
    # (not where people live at risk: "residents living in areas that are considered as critical
    # areas of Taal Volcano eruption … have been evacuated")
    # (not "Affected population: around 20,000 persons", people hit)
    # (nor where people live beside something: "164 families living nearby an international road")
    r"(?:(?<!affected\s)population|residents|liv(?:e|es|ing)(?!\s+in\s+(?:the\s+)?(?:areas?|zones?)\b)"
    r"(?!\s+(?:near|nearby|close\s+to|next\s+to|along|beside)\b)|"
    r"resid(?:e|es|ing)|home\s+to)\b": ("hosted", "stock"),
    # (not a place's state: "an island still reeling from two other devastating storms")
    r"(?:remain(?:s|ed|ing)?|still(?!\s+(?:reeling|recovering|struggling|coping))|commands?|"
    r"there\s+(?:are|were|is)(?!\s+in\b))\b":
        ("remain", "stock"),
}  # fmt: skip

# Verbs whose object is the figure, written right before it ("have evacuated more than 82,000
# persons in Albay living in the danger zone", "We still have 8,000 new arrivals"): the verb of
# the figure, before any verb further on, which may say something of its people instead.
# Regular expressions matched at the end of the words before the figure → (term, measure).
OBJECT_VERBS: dict[str, tuple[str, str]] = {
    r"(?:evacuat(?:ed|es|e|ing)|mov(?:ed|es|e|ing)|relocat(?:ed|es|e|ing)|transferr(?:ed|ing)|"
    r"transfers?|evacuations?\s+of|pluck(?:ed|ing|s)?|airlift(?:ed|ing|s)?|rescu(?:ed|es|e|ing)|"
    # "the convoy had brought out over 1,000 people from the area"
    r"(?:brought|bussed|carried|ferried)\s+out|shift(?:ed|ing|s)?|"
    # "the state ordered the evacuation of Arys’ population of 45,000"
    r"evacuation\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?population\s+of)":
        ("evacuated", "flow"),
    r"(?:receiv(?:ed|es|e|ing)|register(?:ed|s|ing)?|registration\s+of|welcom(?:ed|es|e|ing)|"
    r"admitt(?:ed|ing)|"
    r"took\s+in|taken\s+in)": ("arrived", "flow"),
    r"still\s+(?:has|have|had|holds?|held)": ("remain", "stock"),
    # "A house-to-house survey … confirmed the presence of more then 6,000 refugees"
    r"presence\s+of": ("hosted", "stock"),
    r"(?:host(?:s|ed|ing)?|shelter(?:s|ed|ing)?|accommodat(?:es|ed|ing|e)|housing|has|have|had|holds?|"
    # "at its peak, later that year, it held 225,000 people"
    r"it\s+held|"
    # "DoDMA is still providing shelter to 931 households", "camps are harbouring 530 families"
    r"provid(?:e|es|ed|ing)\s+shelter\s+to|harbou?r(?:s|ed|ing)?|"
    # "The Iranian Red Crescent has provided emergency sheltering for 13,348 affected people"
    # (given, not to be given: "grapple with providing temporary shelter for the 70,000 displaced")
    r"provided\s+(?:emergency\s+|temporary\s+)?shelter(?:ing)?\s+(?:to|for)|"
    r"(?:a|total|estimated)\s+population\s+of|"
    # "Chamshko … is home to nearly 23,000 Yazidis who fled their homes in 2014"
    r"(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+|already\s+)?home\s+to)": ("hosted", "stock"),
    r"(?:displac(?:ed|es|ing)|uproot(?:ed|s|ing)|displacement\s+of|forced\s+out|expell(?:ed|ing)|"
    # "Morakot destroyed the homes of 7,000 people"
    r"(?:destroyed|destroying|destroys|wrecked|flattened)\s+the\s+homes\s+of)":
        ("displaced", "flow"),
    # "stranded thousands in villages in the mountainous south"
    # ("The mudflows also carried away people …, blocking approximately 1,400 vacationers in
    # the Abshir-Ata and Kezart jailoos")
    r"(?:strand|block)(?:ed|ing|s)": ("remain", "stock"),
    # ("Mudslides and floods kill 15, dozens missing in the south")
    # an arrest is an event: "Security forces reportedly detained 516 people"
    r"(?:detain(?:ed|s|ing)|arrest(?:ed|s|ing))": ("detained", "flow"),
    # (the same verb before its count: "the gunmen executed 20 villagers")
    r"(?:kill(?:ed|s|ing)?|execut(?:ed|ing)|(?:claimed|cost(?:ing|s)?)\s+the\s+lives\s+of|"
    r"sh(?:ot|ooting)\s+dead|lost|losing|"
    # "the recent murder of about 50 people by suspected herdsmen"
    r"murder(?:ed|s|ing)?|(?:murders?|massacres?|killings?)\s+of|massacred)":
        ("killed", "flow"),
    # "it resulted in the killing of two IDPs and the injury of five others"
    r"(?:injury|injuries|injuring|wounding)\s+(?:of|to)": ("injured", "flow"),
    r"deaths?\s+of": ("died", "flow"),  # "led to the deaths of five individuals"
    # a disaster's toll, in a headline: "Dominican floods claim at least 363, hundreds missing"
    r"(?:floods?|flooding|storms?|cyclones?|typhoons?|hurricanes?|quakes?|earthquakes?|"
    r"landslides?|mudslides?|disasters?|eruptions?|tsunamis?|rains|wildfires?|fires?)\s+"
    r"(?:has\s+|have\s+)?claim(?:s|ed)?": ("died", "flow"),
    # "Forced displacement affects 33,000 Palestinians in Northern West Bank"
    r"displacement\s+(?:has\s+|have\s+)?(?:affect(?:s|ed)?|hit(?:s)?)": ("displaced", "flow"),
    # people trapped are no figure: "trapping an estimated 60 people inside apartments"
    r"trapp(?:ing|ed)": (NO_TERM, "stock"),
    # room, not people counted: "We have to fit 37 people in one tent"
    r"to\s+fit": (NO_TERM, "stock"),
    # "Houston strained under the arrival of tens of thousands of people fleeing submerged homes"
    r"(?:arrival|influx)\s+of": ("arrived", "flow"),
    # "the soldiers saved 100 citizens from the blazes"
    r"sav(?:ed|es|e|ing)": ("evacuated", "flow"),
    # "the flight of over 35,000 refugees into Lunda Norte Province"
    r"flight\s+of": ("fled", "flow"),
    # sent back across a border: "the expulsion of 400,000 irregular Congolese migrants"
    r"(?:(?:expulsion|deportation|forced\s+return|repatriation)\s+of|deport(?:ed|s|ing)?)":
        ("returned", "flow"),
    r"(?:injur(?:ed|es|ing)|wound(?:ed|s|ing)|injuries\s+to)": ("injured", "flow"),
    # ("The explosion disrupted the lives of about 30 000 people")
    r"(?:affect(?:ed|s|ing)?|(?:impacted|affected|disrupted|upended)\s+the\s+lives\s+of)":
        ("affected", "flow"),
    # "king tides have brought on fresh water and food shortages for thousands of people"
    r"shortages?\s+for": ("affected", "flow"),
}  # fmt: skip

# When a sentence has no verb of figures, the counted people can still say what is meant
# ("Returnees (January – December 2018) 1.4 M"). Regular expression → (term, measure).
POPULATION_TERMS: dict[str, tuple[str, str]] = {
    r"\breturnees\b": ("returned", "flow"),
    r"\barrivals\b": ("arrived", "flow"),
    r"\b(?:IDPs|[Ee]vacuees)\b": ("displaced", "stock"),
    # refugees counted with no verb are where they found refuge: "The total number of refugees is
    # estimated at 15000" (in Moyale)
    r"\brefugees\b": ("hosted", "stock"),
    r"\b(?:deaths|fatalities)\b": ("died", "flow"),
    r"\bdetainees\b": ("detained", "stock"),
    r"\b(?:fighters|militants|jihadists|members)\b": ("remain", "stock"),
    r"\b(?:residents|individuals)\b": ("hosted", "stock"),
}
