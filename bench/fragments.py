"""Template fragments for bench/synth.py. ``{slot}`` is filled by synth.Filler, fresh per use."""

from __future__ import annotations

FIRST = (
    "Sarah Jane Mark David Helen Claire Andrew Rachel Paul Karen Stephen Julie Gareth Sian "
    "Rhys Catrin Dylan Ffion Ian Lynne Mohammed Aisha Imran Priya Tom Emma James Louise "
    "Richard Nicola Simon Angela Michael Deborah Alan Ruth Owen Bethan Graham Fiona Samir "
    "Joanne Peter Hannah Neil Alison Colin Yvonne Kevin Marie"
).split()
LAST = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Lewis Walker "
    "Robinson Wood Thompson White Hughes Edwards Green Hall Clarke Jackson Harris Patel Khan "
    "Morgan Griffiths Price Powell Rees Jenkins Pritchard Bevan Howells Owen Parry Ahmed "
    "Hussain Begum Knowles O'Neill McCarthy Kaur Singh Shaw Fletcher Doyle Barker Marsh "
    "Nolan Baxter Whitfield Ashworth Lloyd-Jones Sutcliffe Okafor Mensah Campbell Murray"
).split()

COMMITTEES_EN = (
    "Children and Young People Scrutiny Committee",
    "Children's Services Scrutiny Panel",
    "Corporate Parenting Board",
    "Children, Education and Families Overview and Scrutiny Committee",
    "Cabinet",
    "People Scrutiny Committee",
    "Children and Families Improvement Board",
    "Health and Social Care Overview and Scrutiny Committee",
    "Council",
    "Children's Services Panel",
)
COMMITTEES_CY = (
    "Social Care, Health and Wellbeing Scrutiny Committee",
    "Cabinet",
    "Children and Young People Scrutiny Committee",
    "Corporate Parenting Panel",
    "Council",
    "People Scrutiny Committee",
    "Social Services Scrutiny Committee",
)
VENUES = (
    "Committee Room 1, Town Hall",
    "Council Chamber, Civic Centre",
    "Room 3.14, County Hall",
    "Members' Room, Guildhall",
    "Remote meeting via Microsoft Teams",
    "Council Chamber, Civic Offices",
    "Committee Room A, The Council House",
    "Hybrid meeting - Council Chamber and MS Teams",
)
TIMES = ("10.00 am", "10.30 am", "2.00 pm", "5.30 pm", "6.00 pm", "6.30 pm", "7.00 pm", "7.30 pm")

DCS_EN = (
    "Director of Children's Services",
    "Corporate Director of Children's Services",
    "Strategic Director, Children's Services",
    "Director of Children and Adult Services",
    "Executive Director of People",
    "Interim Director of Children's Services",
    "Director of Children, Families and Communities",
    "Strategic Director of Children and Families",
)
DCS_CY = (
    "Corporate Director, Social Services and Wellbeing",
    "Director of Social Services",
    "Strategic Director, Social Services",
    "Interim Director of Social Services",
    "Corporate Director for Social Care and Health",
)
AD = (
    "Assistant Director, Children's Social Care",
    "Interim Assistant Director, Children's Social Care Improvement",
    "Assistant Director, Safeguarding and Quality Assurance",
    "Assistant Director, Early Help and Prevention",
    "Head of Children's Services",
    "Head of Service, Front Door and MASH",
    "Principal Social Worker",
    "Service Manager, MASH",
    "Head of Service, Looked After Children",
    "Group Manager, Care Leavers",
    "Assistant Director, Partnership Commissioning",
    "Head of Workforce Development",
)
PORTFOLIO = (
    "Cabinet Member for Children and Families",
    "Cabinet Member for Children's Services",
    "Portfolio Holder for Children, Young People and Education",
    "Lead Member for Children",
    "Cabinet Member for Social Services",
    "Cabinet Member for Children and Young People",
    "Deputy Leader and Cabinet Member for Children's Social Care",
)
OTHER_POSTS = (
    "Chief Executive",
    "Leader of the Council",
    "Democratic Services Officer",
    "Scrutiny Officer",
    "Improvement Adviser",
    "DfE Intervention Adviser",
)

JUDGE_EN = (
    "inadequate",
    "inadequate",
    "requires improvement to be good",
    "requires improvement",
    "good",
    "good",
    "outstanding",
)
JUDGE_OLD = ("adequate", "inadequate", "good", "outstanding")
SUBJUDGE = (
    "the impact of leaders on social work practice with children and families",
    "the experiences and progress of children who need help and protection",
    "the experiences and progress of children in care and care leavers",
    "the experiences and progress of children in care",
    "children who need help and protection",
    "leadership, management and governance",
)
FOCUS = (
    "the front door and MASH",
    "children in need and children subject to a child protection plan",
    "care leavers",
    "the quality of assessments and planning",
    "children in care",
    "the arrangements for the 'front door'",
    "permanence planning",
    "the quality of supervision",
    "decision-making at the front door",
    "disabled children",
    "children at risk of exploitation",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
MONTHS = ("January February March April May June July August September October November December").split()
PLANS = (
    "Improvement Plan",
    "Children's Services Improvement Plan",
    "Ofsted Action Plan",
    "Post-Inspection Action Plan",
    "Practice Improvement Plan",
    "Improvement and Recovery Plan",
    "Workforce Strategy",
    "Sufficiency Strategy",
)
WORKSTREAMS = (
    "Partnerships",
    "Workforce",
    "Front Door and Early Help",
    "Quality of Practice",
    "Leadership and Governance",
    "Corporate Parenting",
    "Performance and Data",
    "Care Leavers",
    "Voice of the Child",
    "Placement Sufficiency",
)

# Sentences. Slots: see synth.Filler.
INSPECTION_EN = {
    "ilacs": (
        "Ofsted carried out a full inspection of local authority children's services (ILACS) "
        "between {d1} and {d2} {month} {year}.",
        "The ILACS inspection took place in {month} {year} and the report was published on {date}.",
        "Following the recent OFSTED inspection ({month} {year}) the overall effectiveness of "
        "services was judged to be {judgement}.",
        "Inspectors found that {sub} was {judgement}, and overall effectiveness was {judgement}.",
        "The standard inspection under the ILACS framework concluded on {date}.",
    ),
    "sif": (
        "Following the single inspection framework (SIF) inspection of services for children in "
        "need of help and protection, children looked after and care leavers in {month} {year}, "
        "services were judged to be {judgement}.",
        "The Ofsted single inspection report, published on {date}, judged {sub} to be {judgement}.",
        "Under the SIF, the LSCB review found the Board {judgement}.",
    ),
    "monitoring": (
        "Ofsted undertook its {ordinal} monitoring visit on {d1} and {d2} {month} {year}, focusing "
        "on {focus}.",
        "The {ordinal} monitoring visit since the {judgement} judgement took place on {date}; "
        "inspectors looked at {focus}.",
        "OFSTED's {ordinal} monitoring visit on the {d1} - {d2} {month} specifically focussed on "
        "{focus}, which went well.",
    ),
    "focused": (
        "A focused visit by Ofsted on {d1} and {d2} {month} {year} looked at {focus}.",
        "The focused visit letter, published on {date}, identified areas of strength and areas "
        "for improvement in {focus}.",
    ),
    "old": (
        "An Ofsted inspection of the local authority arrangements for the protection of children "
        "took place between {d1} and {d2} {month} {year} and found them {judgement}.",
        "The Ofsted inspection of looked after children (LAC) services judged overall "
        "effectiveness {judgement}.",
    ),
}
INSPECTION_CY = (
    "{inspectorate} carried out an inspection of children's services between {d1} and {d2} {month} {year}.",
    "The {inspectorate} performance evaluation inspection of children's services reported on "
    "{date}, identifying areas for improvement in {focus}.",
    "An improvement check by {inspectorate} took place in {month} {year} and looked at {focus}.",
    "The inspection letter from {inspectorate} was received on {date} and highlighted {focus}.",
)
INTERVENTION_EN = (
    "The Department for Education (DfE) issued an improvement notice on {date}.",
    "Subsequent DFE notice to improve issued on the {d1} {month} {year}.",
    "The Secretary of State issued a statutory direction on {date} and appointed {person} as "
    "Children's Commissioner to review the Council's capacity to improve.",
    "A DfE-appointed Commissioner, {person}, had reported to the Minister in {month} {year}.",
    "The improvement notice would be reviewed by the DfE intervention adviser in {month} {year}.",
)
INTERVENTION_CY = (
    "The Welsh Government issued a warning notice on {date} under the Social Services and "
    "Well-being (Wales) Act 2014.",
    "Welsh Ministers had written to the Council on {date} about the pace of improvement.",
)
GLYPHS = (
    "\u00b7         ",
    "\u2022 ",
    "\u00d8  ",
    "o       ",
    "- ",
    "(n)  ",
    "n) ",
    "a) ",
    "  \u2022 ",
)
RESOLVE_HEADS = (
    "RESOLVED:",
    "Resolved \u2013",
    "Resolved-",
    "Decision:",
    "Recommended \u2013",
    "RESOLVED - That:",
    "AGREED:",
    "Recommendations:",
)
LEADS = (
    "The {lead} presented a report, a copy of which had been circulated to each Member.",
    "{person}, {lead}, introduced the report.",
    'The {lead} ({person}) submitted a report (Document "Q") which provided the panel '
    "with a progress update.",
    "The {lead} introduced the report which provided the "
    "committee with an update of the actions that had taken place since the inspection.",
)
LISTS = (
    "Members of the Panel made the following comments:",
    "Issues raised included: -",
    "The Committee discussed the report and comments were made, including:",
    "In response to the questions raised by Members it was reported that:",
)
TITLES = (
    "{inspectorate} Inspection of Local Authority Children's Services - update report",
    "Progress update following the {inspectorate} inspection",
    "{inspectorate} Monitoring Visit",
    "Full ILACS report",
    "{inspectorate} Inspection of Children's Services - Action Plan",
    "Children's Services Improvement Plan - progress report",
    "Progress Update following the Ofsted Inspection of Local Authorities Children's Services (ILAC)",
    "Ofsted Inspection of Local Authority arrangements for the protection of children - update report",
    "{inspectorate} Inspection of Children's Services in {nice}",
)
ITEM_HEADS = (
    "{num} {title}",
    "Agenda item\n\n{title}",
    "{num}.\t{title}",
    "Minute {num} - {title}",
)
MEETING_HEAD = (
    ("line", "{council}"),
    (
        "line",
        "Minutes of the meeting of the {committee} held on {meeting} at {time} in {venue}",
    ),
    (
        "p",
        "Present: Councillor {person} (Chair); Councillors {surname}, {surname}, {surname} and {surname}",
    ),
    ("p", "Also present: {person} ({post}), {person} ({post}) and {person} ({post})"),
    (
        "line",
        "Contact: {person}, Democratic Services Officer, tel. 01{n}{n} 4{n}{n}, "
        "democratic.services@example.gov.uk",
    ),
)
ITEM_STYLES = ("{n}. {t}", "{n}\t{t}", "Item {n}: {t}", "{n} {T}", "{n}.\n{t}")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
ACTION_LINES = (
    "ACTION: {owner} to {task} by {date}.",
    "Action: {owner} \u2013 {task} (due {date})",
    "ACTION \u2013 {task}",
    "Action:           {owner}",
    "ACTION {owner} / {date}: {task}",
)
