"""Cue phrases for each concern concept (vocabularies.yaml ``concerns``).

Each cue is a regular expression matched case-insensitively at word boundaries; ``(?-i:...)``
marks parts that must keep their case (acronyms). A cue names the topic being discussed, so a
sentence that carries one raises that concern. Phrases that merely sound alike are masked before
matching (see ``MASKS``): post titles, the SIF framework's name, "Human Resources", and so on.
"""

from __future__ import annotations

import re
from functools import lru_cache

_W = r"(?:[\w'-]+\s+)"  # one word and its space, for "up to N words" gaps
STAFF = r"(?:social\s+workers?|staff|workers|practitioners|managers|employees|workforce)"

CUES: dict[str, list[str]] = {
    "agency-staff": [
        r"agency\s+(?:social\s+)?(?:staff\w*|workers?|social\s+workers?|practitioners?|managers?|"
        r"teams?|cover|use|usage|spend|costs?|rates?|workforce|employees|posts?|numbers|levels|"
        r"reliance|dependency|colleagues)",
        r"(?:use|usage|reliance|dependence|dependency|reliant|spend)\s+(?:of|on|upon)\s+"
        r"(?:an?\s+)?agenc(?:y|ies)",
        r"(?:work(?:ing|ed)?|employed)\s+(?:for|through|via|by)\s+(?:an?\s+)?agenc(?:y|ies)",
        r"from\s+an\s+agency", r"agency\s+to\s+permanent", r"locums?",
        rf"interim\s+{STAFF}", rf"(?:temporary|non-permanent)\s+{STAFF}",
        rf"(?:convert\w*|conversion)\s+{_W}{{0,4}}(?:in)?to\s+permanent",
        r"become\s+permanent",
    ],
    "recruitment": [
        r"recruit\w*", r"vacanc(?:y|ies)", r"vacant\s+posts?", r"hard[- ]to[- ]fill",
        r"(?:marketing|advertising|recruitment)\s+campaigns?", r"overseas",
        r"international\s+(?:recruitment|social\s+workers)", r"job\s+applications?",
        r"applications\s+(?:from|for)",
        rf"(?:new|additional|extra)\s+{_W}{{0,2}}(?:social\s+workers|team\s+managers|managers|"
        r"staff|posts)",
        rf"appoint\w*\s+{_W}{{0,3}}(?:social\s+workers|team\s+managers|managers|staff)",
        r"fill(?:ed|ing)?\s+(?:the\s+)?(?:posts?|vacanc\w+|roles?)",
    ],
    "retention": [
        r"retention", rf"retain(?:ing|ed)?\s+{_W}{{0,2}}(?:staff|social\s+workers|workers|"
        r"workforce|managers|employees|talent)",
        r"turnover", r"churn", r"exit\s+interviews?",
        rf"{STAFF}\s+{_W}{{0,3}}(?:leaving|left|leave|quit|resign\w*)",
        r"leaving\s+the\s+(?:service|authority|council|organi[sz]ation|department|profession)",
        r"stabili[sz]\w*\s+(?:the\s+|our\s+)?(?:permanent\s+)?(?:workforce|staff\w*|teams?)",
        r"(?:stable|unstable|stability|instability)[\s,]+(?:[\w'-]+[\s,]+){0,2}workforce",
        r"(?:stability|continuity)\s+(?:of|in|with|within)\s+(?:the\s+)?(?:workforce|staff\w*|"
        r"teams?)", r"workforce\s+(?:stability|instability)",
    ],
    "caseloads": [
        r"case\s?loads?", r"work\s?loads?", r"cases\s+per\s+(?:social\s+)?worker",
        r"unallocated\s+(?:cases|work)", r"backlogs?",
    ],
    "morale-culture": [
        r"morale", r"(?:staff|workforce|employee)\s+(?:wellbeing|well-being|welfare|"
        r"satisfaction|surveys?|engagement)", rf"wellbeing\s+of\s+(?:the\s+)?{STAFF}",
        r"culture", r"(?:felt|feel|feeling)\s+valued", r"place\s+to\s+work",
        r"health\s+check", r"supportive", r"hard\s+work", r"flexible\s+working",
        rf"(?:rebuild|restore|build)\w*\s+{_W}{{0,2}}confidence",
        r"(?:staff|work(?:-related)?|workplace)\s+stress", r"stress\s+levels",
        r"burn-?out", r"committed\s+and\s+well\s+supported",
    ],
    "pay-conditions": [
        r"salar(?:y|ies)", r"pay\s+(?:scales?|grades?|rates?|levels?|awards?|increases?|rises?|"
        r"parity|structure|review|and\s+conditions)", r"(?:sick|market|better|competitive)\s+pay",
        r"rates?\s+of\s+pay", r"market\s+(?:supplements?|premiums?)",
        r"(?:increase|rise|review|uplift|change)s?\s+(?:in|of|to)\s+(?:the\s+)?grad(?:e|es|ing)",
        r"re-?grad(?:e|ed|ing)", r"grad(?:e|es|ing)\s+(?:of|for)\s+(?:social|staff|posts)",
        r"job\s+evaluation", r"pensions?", r"benefits\s+of\s+(?:being\s+)?(?:an?\s+)?employ\w*",
        r"(?:employee|staff|employment)\s+benefits",
        r"(?:pay|salary|reward|benefits|remuneration|relocation)\s+packages?",
        r"golden\s+hellos?", r"retention\s+(?:payments?|bonus\w*)", r"terms\s+and\s+conditions",
        r"key[- ]workers?", r"earn(?:ings?)?", r"annual\s+leave",
    ],
    "training-development": [
        r"training", r"train(?:ed|ees?)", r"induct\w*", r"newly\s+qualified",
        r"(?-i:NQSWs?|ASYE)", r"mentor\w*", r"(?:social\s+work|practice|workforce|training)\s+"
        r"academ(?:y|ies)", r"grow[- ]your[- ]own",
        r"(?:workforce|professional|staff|career)\s+development", r"(?-i:CPD)",
        r"learning\s+and\s+development", r"buddy(?:ing)?\s+scheme", r"apprentice\w*",
        r"step\s+up\s+to\s+social\s+work", r"bursar(?:y|ies)", r"coaching",
        r"licen[cs]e\s+to\s+practi[cs]e", r"(?:student|students)\s+social\s+workers?",
        r"social\s+work\s+students?",
    ],
    "supervision-oversight": [
        r"supervis\w+", r"(?:management|managerial|manager|senior)\s+oversight",
        r"oversight\s+(?:of|by|from)\s+(?:managers?|management|practice|cases|casework)",
        r"management\s+decisions?", r"reflective\s+(?:practice|supervision)",
        r"(?:management|managerial|manager)\s+(?:grip|challenge)(?:\s+(?:and|&)\s+oversight)?",
    ],
    "leadership-capacity": [
        r"leadership", r"senior\s+(?:leaders?|managers?|management|officers)",
        r"(?:management|leadership|managerial)\s+(?:capacity|teams?|structures?|stability|posts?|"
        r"level|arrangements|vacancies|turnover)", r"(?:well|poorly|strongly|effectively)[- ]led",
        r"interim\s+(?:leaders|managers|management|arrangements)",
        r"(?:team|service|group)\s+managers\b(?!\s+(?:and\s+)?staff)", r"manager(?:ial)?\s+posts",
        rf"(?:manager\w*|leadership|senior|director\w*|head\s+of\s+service)\s+{_W}{{0,2}}posts?\s+{_W}{{0,8}}"
        r"(?:had|have|has)\s+(?:now\s+)?been\s+filled",
        r"(?:directors|heads\s+of\s+service)\s+(?:had|have|has)\s+(?:now\s+)?been\s+(?:appointed|recruited)",
        r"(?:appointed|recruited)\s+(?:\w+\s+){0,2}(?:directors|heads\s+of\s+service)\b",
    ],
    "practice-quality": [
        rf"(?:quality|consistency|standards?|timeliness)\s+of\s+{_W}{{0,2}}(?:practice|"
        r"assessments?|plans|planning|work|casework|recording|records|reviews|visits|"
        r"decision[- ]making)",
        r"case\s+recording", r"assessments?",
        r"analysis\s+of\s+risk", r"risk\s+analysis", r"home\s+visit\w*",
        r"visiting\s+(?:children|families)", r"professional\s+curiosity", r"pre-?birth",
        r"care\s+plan(?:s|ning)?", r"(?:child\s+protection|pathway|permanence|written)\s+plans?",
        r"plans\s+for\s+children", r"permanence", r"practi[cs]e", r"strengths[- ]based",
        r"timeliness(?!\s+of\b)", r"timescales?", r"child\s+protection\s+(?:conferences?|enquiries|"
        r"investigations|register)", r"case\s?work", r"(?:variable|poor)\s+quality",
    ],
    "quality-assurance": [
        r"quality\s+assurance", r"(?-i:QA)", r"audit\w*(?!\s+(?:and\s+governance|committee))",
        r"moderat(?:ion|ed|ing)", r"dip[- ]sampl\w*", r"(?:practice|quality)\s+standards?",
    ],
    "voice-of-child": [
        r"voices?\s+of\s+(?:the\s+)?(?:child|children|young\s+people)",
        r"(?:child|children|young\s+people)'?s?\s+voices?",
        r"views\s+(?:of|from)\s+(?:the\s+)?(?:children|young\s+people|child)",
        r"(?:children|young\s+people)'?s?\s+views", r"wishes\s+and\s+feelings",
        rf"listen\w*\s+to\s+{_W}{{0,2}}(?:children|young\s+people)",
        r"children\s+in\s+care\s+councils?", r"(?-i:CiCC)", r"youth\s+(?:council|forum)",
        r"complain\w*", r"participation", r"advoca\w+", r"independent\s+visitors?",
        rf"relationships?\s+(?:with|between)\s+{_W}{{0,3}}(?:social\s+workers?|workers|children|"
        r"young\s+people|service\s+users|families)",
        rf"(?:meaningful|trusting|productive|positive|consistent)\s+{_W}{{0,2}}relationships?",
        r"continuity\s+of\s+(?:social\s+workers?|workers?|relationships?)",
        r"changes?\s+(?:of|in)\s+social\s+workers?", r"active\s+offer",
        rf"(?:children|young\s+people|LAC|child)\s+{_W}{{0,4}}questionnaires?",
        r"mind\s+of\s+my\s+own", r"involve\w*\s+(?:of\s+)?(?:children|young\s+people)",
        r"(?:children|young\s+people)\s+(?:were\s+|are\s+|being\s+)?involved",
    ],
    "front-door": [
        r"front[- ]door", r"(?-i:MASH)", r"multi[- ]agency\s+safeguarding\s+hubs?",
        r"(?:safeguarding|service|early\s+help)\s+hubs?",
        r"contact\s+centre", r"contact\s+(?:and|&)\s+referrals?",
        r"single\s+point\s+of\s+(?:contact|access|entry)", r"(?-i:SPOC|SPA)", r"(?:re-)?referrals?",
        r"contacts", r"duty\s+(?:and\s+assessment\s+)?(?:teams?|service|system)",
        r"(?:police\s+)?notifications",
    ],
    "thresholds-consent": [
        r"thresholds?", r"consent", r"(?:continuum|levels?)\s+of\s+need", r"step[- ](?:up|down)",
    ],
    "early-help": [
        r"early\s+help", r"early\s+intervention", r"prevention", r"preventative",
        r"family\s+support", r"troubled\s+families", r"supporting\s+families",
        r"children'?s\s+centres?", r"family\s+hubs?",
    ],
    "multi-agency": [
        r"multi[- ]agency(?!\s+safeguarding\s+hub)", r"inter[- ]agency",
        r"partnership\s+(?:working|board|arrangements)", r"partner\s+agencies",
        r"work\w*\s+(?:together|in\s+partnership|with\s+partners)", r"partners",
        r"improvement\s+partner", r"joint\s+work(?:ing)?\s+with",
        r"safeguarding\s+(?:children\s+|adults\s+)?(?:board|partnership)s?", r"(?-i:L?SCBs?)",
        r"children'?s\s+safeguarding\s+partnership", r"children'?s\s+trust", r"police",
        r"constabulary", r"health\s+(?:board|visitors?|visiting|partners|colleagues)",
        r"(?-i:NHS|CCGs?)", r"clinical\s+commissioning\s+groups?",
        r"(?:police|health|schools)(?:\s*,\s*|\s+and\s+)(?:the\s+)?(?:police|health|schools)",
        r"information[- ]sharing", r"shar\w+\s+(?:of\s+)?information",
        r"(?:between|across|other)\s+agencies", r"joint\s+(?:working|protocol|audits?|visits?)",
        r"strategy\s+(?:discussions|meetings)", r"regional\s+partnership",
    ],
    "mental-health": [
        r"mental\s+health", r"(?-i:CAMHS|EWMHS)", r"emotional\s+(?:health|wellbeing|well-being)",
        r"self[- ]harm", r"therap(?:y|ies|eutic)",
    ],
    "placements-accommodation": [
        r"placements?", r"placed\s+(?:in|with|out|outside)", r"sufficiency", r"fostering",
        r"foster\s+(?:carers?|care|placements?|homes?|families|parents|children|households)",
        r"residential\s+(?:care|homes?|placements?|provision|settings?)",
        r"children'?s\s+homes?", r"(?-i:HMOs?)", r"multiple\s+occupation",
        r"unregulated", r"unregistered", r"semi[- ]independent",
        r"supported\s+(?:lodgings|accommodation|housing)", r"bed\s+and\s+breakfast",
        r"accommodation", r"out\s+of\s+(?:area|county|authority)",
        r"outside\s+the\s+(?:county|borough|area|authority)",
    ],
    "care-leavers": [
        r"care\s+leavers?'?", r"leaving\s+care", r"care[- ]experienced", r"pathway\s+plans?",
        r"personal\s+advis[eo]rs?", r"staying\s+put", r"when\s+i\s+am\s+ready",
    ],
    "corporate-parenting": [r"corporate\s+parent\w*"],
    "court-proceedings": [
        r"courts?", r"care\s+orders?", r"care\s+proceedings", r"pre-?proceedings",
        r"(?-i:PLO)", r"public\s+law\s+outline", r"(?-i:Cafcass|CAFCASS)", r"family\s+justice",
        r"legal\s+(?:planning|gateway|proceedings)",
    ],
    "data-systems": [
        r"performance\s+(?:information|data|management|reporting|reports|indicators|"
        r"dashboards?|monitoring|scorecard)", r"management\s+information", r"data\s+quality",
        r"(?:case\s+management|recording|IT|ICT|electronic|client)\s+(?:record\s+)?systems?",
        r"(?-i:Liquid\s?[Ll]ogic|Mosaic|WCCIS|CareFirst)", r"dashboards?",
        r"business\s+intelligence",
    ],
    "funding-resources": [
        r"fund(?:ing|ed|s)", r"budgets?", r"budgetary", r"overspend\w*", r"underspend\w*",
        r"invest(?:ed|ing|ment)", r"reserves?",
        r"financial\s+(?:pressures?|position|challenges?|resources|investment|support|constraints)",
        r"(?-i:resources)",
        r"£\s?\d(?:[\d,.]*\d)?(?![\d,.]\d)(?:\s?(?:m|bn|k|million|billion))?(?!\s+(?:retention|recruitment|relocation|"
        r"golden|welcome|joining|market)\b)", r"grants?",
    ],
    "improvement-governance": [
        r"improvement\s+(?:plans?|boards?|partners?|programmes?|journey|priorities|work|"
        r"activity|agenda|advis[eo]rs?|consultants?)", r"action\s+plans?",
        r"post-inspection", r"pace\s+of\s+(?:change|improvement)",
        rf"progress\s+(?:made\s+|being\s+made\s+)?(?:against|on|with|in)\s+{_W}{{0,3}}"
        r"(?:plans?|improvements?|actions|recommendations)",
        r"areas\s+for\s+(?:improvement|development)", r"work\s?streams?", r"governance",
        r"monitoring\s+visits?", r"statutory\s+direction", r"improvement\s+notice",
        r"notice\s+to\s+improve", r"warning\s+notice",
    ],
    "exploitation-missing": [
        r"exploitation", r"(?-i:CSE|CCE)", r"county\s+lines", r"trafficking", r"gangs?",
        r"missing\s+(?:from|children|episodes?|young\s+people)",
        r"(?:go|goes|went|gone|going)\s+missing", r'"missing"', r"return\s+(?:home\s+)?interviews?",
    ],
}

# Phrases that look like cues but are names or titles; they are blanked before matching.
# A post title: "Cabinet Member Social Services and Early Help", "Head of Quality Assurance".
_POST_TITLE = re.compile(
    r"\b(?:Director|Head|Manager|Member|Officer|Lead|Holder|Commissioner|Adviser|Advisor)\b"
    r"(?:\s*[,:-]\s*|\s+(?:of|for)\s+|\s+)(?:the\s+)?[A-Z][\w'-]*"
    r"(?:(?:\s*,\s*|\s+)(?:(?:and|&|of|for|the)\s+)*[A-Z][\w'-]*)*"
)
# "Head of Service (Fieldwork and Care Leavers)": the remit in brackets right after a short title.
_POST_REMIT = re.compile(
    r"\b(?:Director|Head|Manager|Member|Officer|Lead|Holder)(?:\s+(?:of|for)\s+[A-Z][\w'-]*)?"
    r"\s*\([A-Z][^()]{0,80}\)"
)
_NAMES = re.compile(
    r"children\s+in\s+need\s+of\s+help\s+and\s+protection,?\s+children\s+looked\s+after,?\s+"
    r"and\s+care\s+leavers|performance\s+evaluation\s+inspection|human\s+resources"
    r"|requir\w*\s+improvement|audit\s+(?:and\s+governance\s+)?committee|in\s+practice,"
    r"|(?:equality|equalities|environmental|integrated)?\s*impact\s+assessments?"
    # a courtesy, not a discussion of morale; a health trust's name, not mental health services
    r"|thank\w*\s+(?:\w+\s+){0,6}?for\s+(?:all\s+)?(?:their|the|his|her|your)\s+hard\s+work"
    r"|(?-i:Mental\s+Health)(?=(?:\s+[A-Z][\w'-]*)*?\s+(?:NHS|Foundation|Partnership)\s+(?:[A-Z]\w*\s+)*Trust)",
    re.IGNORECASE,
)


def _compile(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


COMPILED: dict[str, re.Pattern[str]] = {k: _compile(v) for k, v in CUES.items()}


def mask(text: str) -> str:
    """Same-length copy of text with post titles and other look-alike names blanked."""
    out = list(text)
    for rx in (_POST_TITLE, _POST_REMIT, _NAMES):
        for m in rx.finditer(text):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


@lru_cache(maxsize=8192)
def cues(text: str) -> tuple[tuple[str, int, int], ...]:
    """(concept, start, end) for every cue in text (post titles and names masked).

    Cached: the concerns and figures extractors ask about the same passages.
    """
    masked = mask(text)
    found = []
    for concept, rx in COMPILED.items():
        for m in rx.finditer(masked):
            found.append((concept, m.start(), m.end()))
    return tuple(sorted(found, key=lambda c: c[1]))
