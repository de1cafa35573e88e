"""The phrase lexicon of kg.extract.inspections: inspectorates, inspection types, and the cues that
tell a reported inspection from a framework, a future plan or another setting's inspection, its
judgements, dates and lists of visits."""

from __future__ import annotations

import re

from kg.extract.dates import MONTH

_I = re.IGNORECASE
INSPECTORATE = re.compile(  # the lookahead lets the scan skip quickly past other letters
    r"(?=[CcOoHhEeRrSsIi])(?:(?P<ciw>\bC?SSIW\b|\bCIW\b|Care\s+(?:and\s+Social\s+Services\s+)?Inspectorate\s+(?:for\s+)?Wales)"
    r"|(?P<ofsted>\bOfsted\b|Office\s+for\s+Standards\s+in\s+Education)"
    r"|(?P<care_inspectorate>\bCare\s+Inspectorate\b)|(?P<cqc>\bCQC\b|Care\s+Quality\s+Commission)"
    r"|(?P<hmicfrs>\bHMIC(?:FRS)?\b|Inspectorate\s+of\s+Constabulary)"
    r"|(?P<hmip>\bHMIP\b|Inspectorate\s+of\s+Probation)|(?P<estyn>\bEstyn\b)"
    r"|(?P<rqia>\bRQIA\b|Regulation\s+and\s+Quality\s+Improvement\s+Authority))",
    _I,
)
LA = r"local\s+authorit(?:y|ies)(?:'s|s')?"
# Whose arrangements: "the local authority", "the Council's", "its", "Anytown's".
OWNER = rf"(?:the\s+)?(?:{LA}\s+|\w+(?:'s|s')\s+|its\s+)?"
ORD = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
TYPES: list[tuple[str, re.Pattern[str]]] = [
    (t, re.compile(p, _I)) for t, p in [
        ("protection-of-children", rf"inspection\s+of\s+{OWNER}arrangements\s+for\s+"
         r"(?:the\s+)?protection\s+of\s+children|arrangements\s+for\s+the\s+protection\s+of\s+children"
         rf"\s+inspection|(?<!joint\s)inspection\s+of\s+{OWNER}child\s+protection\s+(?:arrangements|services)"
         r"|(?<!joint\s)\bchild\s+protection\s+inspection"),
        ("looked-after-children", rf"inspection\s+of\s+{OWNER}(?:services\s+for\s+)?"
         r"(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?(?:\s+services)?"
         r"|(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?\s+(?:services\s+)?"
         r"inspection|\bLAC\s+inspection"),
        ("sif", r"(?:inspection\s+of\s+services\s+for\s+)?children\s+in\s+need\s+of\s+help\s+and\s+protection"
         r"(?:,?\s+children\s+looked\s+after\s+and\s+care\s+leavers)?|single\s+inspection\s+framework"
         r"(?:\s+\(SIF\))?(?:\s+inspection)?|single\s+inspection\b|\bSIF\b(?:\s+inspection)?"),
        ("ilacs", rf"(?:(?:full|standard|short)\s+)?\bILACS?\b(?:\s+inspection)?|\b(?:short|standard)\s+"
         rf"inspection|inspect(?:ion|ing)\s+(?:of\s+)?{LA}\s+children'?s\s+(?:social\s+care\s+)?services?"),
        ("monitoring-visit", rf"(?:\b(?P<ord>{'|'.join(ORD)}|\d{{1,2}}(?:st|nd|rd|th))\s+)?(?:Ofsted\s+)?"
         r"monitoring\s+visit\b(?!s)"),
        ("focused-visit", r"\bfocus+ed\s+(?:(?:Ofsted|OFSTED)\s+)?(?:visit|inspection)\b(?!s)"),
        ("jtai", r"joint\s+targeted\s+area\s+inspection|\bJTAI\b"),
        ("lscb-review", r"review\s+of\s+(?:the\s+)?(?:effectiveness\s+of\s+(?:the\s+)?)?(?:[\w']+\s+){0,3}"
         r"safeguarding\s+children(?:'s)?\s+board|\bLSCB\s+review"),
        # a thematic inspection is of one theme across councils, under no framework for one council
        ("other", r"\bthematic\s+(?:(?:Ofsted|OFSTED|CIW|CSSIW)\s+)?(?:inspection|review)\b"),
        ("ciw-inspection", r"performance\s+evaluation\s+inspection|\b(?:improvement|assurance)\s+check\b|"
         r"joint\s+inspection\s+of\s+child\s+protection\s+arrangements|\bJICPA\b"),
    ]
]
VISITS = {"monitoring-visit", "focused-visit"}
UNGRADED = VISITS | {"jtai"}
OFSTED_ONLY = {t for t, _ in TYPES} - {"ciw-inspection", "other"}
GENERIC = re.compile(r"(?<![\w-])(?:re-?)?inspection\b(?!-)|\binspected\b", _I)
FRAMEWORK_AFTER = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:[\w']+\s+)?(?:frameworks?|regime|handbook|methodology|guidance|criteria|cycle|"
    r"programme|readiness|preparation|self[\s-]*(?:evaluation|assessment)|annual\s+conversation|toolkit|"
    r"standards?)\b", _I)
UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:new\s+)?(?:ofsted'?s?\s+|its\s+)?$", _I)
FUTURE_BEFORE = re.compile(
    r"\b(?:next|future|forthcoming|upcoming|expected|anticipated|mock|pending|potential|possible|planned|"
    r"imminent|another|any|each|every|will(?!\s+(?:recall|remember|know|note|be\s+aware))|would|could|should|"
    r"might|prepar(?:e|es|ing|ation)\b|prepared\s+for|readiness|ready\s+for|"
    # "a focused visit rather than a full inspection": the one not done
    r"neighbour\w*|other|comparator|rather\s+than|instead\s+of)\b", _I)
FUTURE_AFTER = re.compile(r"[^.;]{0,40}\b(?:is|are)\s+(?:due|expected|scheduled|planned|likely)\b|"
                           r"[^.;]{0,30}\bwill\s+(?:take\s+place|be\s+(?:carried|undertaken|held))", _I)
# Inspections of something other than the authority's children's services.
SETTING = (r"(?:children'?s\s+homes?|schools?|academ(?:y|ies)|nurser(?:y|ies)|providers?|colleges?|"
            r"hospitals?|fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|residential\s+\w+|secure\s+\w+|"
            r"care\s+homes?|GP|adults?'?\s+(?:social\s+)?(?:care|services)|older\s+people|domiciliary|SEND|"
            r"special\s+educational\s+needs|local\s+area|police|constabulary|prisons?|children'?s\s+centres?)\b")
SETTING_AFTER = re.compile(rf"\s*(?:[\w']+\s+)?(?:of|at|for|into)\s+(?:the\s+|a\s+|an\s+|its\s+|\w+'s\s+)?"
                            rf"(?:[\w']+\s+){{0,3}}?{SETTING}", _I)
SETTING_NEAR = re.compile(SETTING, _I)
SETTING_BEFORE = re.compile(rf"{SETTING}'?s?\s+(?:\w+\s+)?$", _I)
INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w']+\s+){0,2}$", _I)
MONTH_BEFORE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+(?:(?:Ofsted|OFSTED)\s+)?$")
# "published on ...", and the date of a letter or report in its title: "inspection letter, 5 May 2019".
PUBLISHED = re.compile(
    r"\b(?:published|publication)\b[^.;]{0,25}$"
    r"|\b(?:letter|report)\s*(?:,\s*|\s+dated\s+|\s+(?:of\s+)?)$", _I)  # "Ofsted report May 2019"
NOT_FIELDWORK = re.compile(
    r"\b(?:by|until|before|since|after|from)\s+(?:the\s+)?$|\b(?:meeting|committee|panel|cabinet)\s+"
    r"(?:held\s+)?(?:on|of|in)\s+(?:the\s+)?(?:\w+day,?\s+)?$|\b(?:issued|served|imposed|dated|received|given)"
    r"\b(?![^.;]{0,40}\b(?:inspection|visit)\b)[^.;]{0,40}$|\b(?:came|come|comes|coming)\s+into\s+(?:force|effect|operation)\s+(?:on|in|from)\s+"
    r"(?:the\s+)?$|\b(?:took|take|takes)\s+effect\s+(?:on|in|from)\s+(?:the\s+)?$", _I)
# "the inspection took place weeks before the Act came into force on ...": a date of something else.
ELSEWHEN = re.compile(r"\b(?:before|after|prior\s+to|ahead\s+of)\s+(?:the|a|an|its|their)\b", _I)
YEAR_OK_BEFORE = re.compile(r"\b(?:in|of|during)\s+$", _I)
YEAR_OK_AFTER = re.compile(r"\s+(?:[\w']+\s+)?(?:inspection|ILACS|SIF|monitoring|focused|Ofsted|C?SSIW|CIW)",
                            _I)
BREAK = re.compile(r";|\b(?:found|finding|identified|highlighted|showed|reported|published|publication|"
                    r"issued|notice|direction|meeting|committee|cabinet|since|compared|target|deadline|"
                    r"resolved|agreed|noted)\b", _I)
CLAUSE_BREAK = re.compile(r";|\b(?:issued|notice|direction|meeting)\b", _I)
FOCUS = re.compile(r"[^.;]{0,60}?\b(?:specifically\s+)?(?:focus+ed|focus+ing|looked|looking|considered|"
                    r"examined|reviewed)\s+(?:at|on|upon)?\s*(.+?)(?=\s+which\b|\s+where\b|,\s+(?:and\s+)?"
                    r"(?:inspectors|it|they|which|where|found)\b|[.;]|$)", _I)
J = r"(outstanding|good|requir(?:es|ing|ed|e)\s+improvement(?:\s+to\s+be\s+good)?|adequate|inadequate)\b"
JUDGEMENT = re.compile(
    rf"\b(?:rated|judged|graded)\s+(?:overall\s+)?(?:(?:as|to\s+be|to|at)\s+(?:being\s+)?)?['\"]?{J}"
    rf"|\b(?:found|assessed|deemed)\s+(?:overall\s+)?(?:as|to\s+be)\s+(?:being\s+)?['\"]?{J}"
    rf"|\b(?:rated|judged|graded)\s+(?:\w+(?:'s|s')?\s+){{1,5}}?(?:as|to\s+be)\s+['\"]?{J}"
    rf"|\bfound\s+(?:the\s+|its\s+)?(?:council'?s?\s+|authority'?s?\s+)?(?:[\w']+\s+){{0,2}}?services\s+"
    rf"(?:as|to\s+be)\s+(?:being\s+)?['\"]?{J}"
    rf"|\b(?:rated|judged|graded|found)\s+(?:the\s+)?overall\s+effectiveness\s+(?:of\s+(?:[\w']+\s+){{1,6}}?)?"
    rf"(?:as|to\s+be)\s+['\"]?{J}"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:council|authority|local\s+authority|it|them|us)\s+['\"]?{J}"
    rf"|\b(?:rated|judged|graded)\s+(?:[\w']+\s+){{1,4}}?['\"]{J}['\"]"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:[\w']+\s+)?services?\s+['\"]?{J}"
    rf"|\b(?:judge?ment|rating|grade|grading|effectiveness)\s*(?:of\s+(?:the\s+)?(?:[\w']+\s+){{1,3}}?"
    rf"(?=was|is|were|remains?))?(?:(?:of|was|as|is|being|remains?|were)\s+|:\s*)"
    rf"(?:judged\s+|rated\s+|as\s+)?['\"]?{J}"
    rf"|(?<![\w'])['\"]?{J}['\"]?\s+(?:overall\s+)?(?:judge?ment|rating|grade|outcome)"
    # "found that the Board required improvement", "found that services were inadequate"
    rf"|\bfound\s+that\s+(?:the\s+)?(?:[\w']+\s+){{1,4}}?(?:(?:was|were|is|are|remained|remains|"
    rf"(?:had|has|have)\s+been)\s+['\"]?{J}|(requir(?:es|ed)\s+improvement)\b)",
    _I,
)
J_OTHER = re.compile(r"\b(?:neighbour\w*|other|authorities|councils|comparator|statistical|those|"
                      r"nationally|national|england|regional|proportion|number|aim|ambition|aspir\w*|target|"
                      r"want|hope|strive|achiev\w*|would|could|should|might|(?-i:may)|if|become|becoming|move|"
                      r"moving|towards|until|will)\b|%|\bto\s+be\s+$", _I)
J_SUB = re.compile(r"\b(?:adoption|care\s+leavers?|leadership|leaders|children\s+in\s+care|children\s+looked"
                    r"\s+after|help\s+and\s+protection|experiences?|fostering|schools?|academy|providers?|"
                    r"homes?|partnership|board|LSCB)\b", _I)
J_SUB_AFTER = re.compile(r"\s*(?:for|in)\s+(?:its\s+|the\s+)?(?:adoption|care\s+leavers|leader|help)", _I)
# "judged 'good' in 2016": the year a judgement was given, after its closing quote if any
J_YEAR = re.compile(
    rf"['\"]?\s*(?:judge?ment|rating)?\s*(?:of|in|from)\s+(?:(?P<month>{MONTH})\.?\s+)?(?P<year>20\d\d)\b",
    _I,
)
# "the local authority had been judged inadequate in January 2020": the authority's own judgement,
# an inspection the sentence names no other way
AUTHORITY_JUDGED = re.compile(
    r"\b(?:local\s+authority|council|authority|children'?s\s+services|services\s+for\s+children)"
    r"\s+(?:had\s+been|has\s+been|have\s+been|was|were)\s+$", _I)
REPORTED = re.compile(r"\b(?:outcomes?|results?|findings?|report|letter|judge?ment|judged|rated|found|"
                       r"took\s+place|carried\s+out|undertaken|conducted|following|recent|received|published|response|"
                       r"recommendations?|areas?\s+for\s+(?:improvement|development))\b", _I)
# Cheap tests that a sentence may hold a mention, or a judgement or published date.
TRIGGER_CUE = re.compile(r"inspect|visit|ILAC|\bSIF\b|JTAI|JICPA|review|check|\bLAC\b|help\s+and\s+"
                          r"protection|protection\s+of\s+children|looked[\s-]+after", _I)
CUE = re.compile(rf"{TRIGGER_CUE.pattern}|rated|judged|graded|judge?ment|rating|grade|effectiveness|found|"
                  r"assessed|deemed|publi", _I)
# A bare "inspection" is of children's services only in a sentence that speaks of them.
CONTEXT = re.compile(r"\b(?:child\w*|social\s+(?:care|services|work\w*)|safeguarding|looked\s+after|"
                      r"care\s+leavers|council'?s\s+services|full\s+inspection)", _I)
BOARD = re.compile(r"\b(?:board|LSCB)\b", _I)
# Visits listed one by one: "Ofsted has made three monitoring visits:" then "- the first, on ...".
PLURAL_VISITS = re.compile(r"\b(?:(?:Ofsted|OFSTED)\s+)?(?P<kind>monitoring|focus+ed)\s+visits\b", _I)
_ORDINAL = rf"(?P<ord>{'|'.join(ORD)}|\d{{1,2}}(?:st|nd|rd|th))"
_ITEM_TAIL = (r"(?:\s+(?:(?:monitoring|focus+ed)\s+)?visit\b|\s+one\b)?"
              r"(?=\s*[,:(\-]|\s+(?:on|in|took|was|held|between|during|from|visit)\b)")
LIST_ITEM = re.compile(rf"\s*(?:[-*\u2022\u00b7\u25cf\u25aa]\s*|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)]\s*)?"
                       rf"(?:the\s+)?{_ORDINAL}\b{_ITEM_TAIL}", _I)
INLINE_ITEM = re.compile(rf"\b(?:the\s+)?{_ORDINAL}\b{_ITEM_TAIL}", _I)


def ordinal_number(word: str) -> int:
    """1 for "first" or "1st"."""
    return ORD.index(word.lower()) + 1 if word.lower() in ORD else int(word[:-2])
