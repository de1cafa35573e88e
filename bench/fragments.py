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
    "Children and Young People Scrutiny Committee", "Children's Services Scrutiny Panel",
    "Corporate Parenting Board", "Children, Education and Families Overview and Scrutiny Committee",
    "Cabinet", "People Scrutiny Committee", "Children and Families Improvement Board",
    "Health and Social Care Overview and Scrutiny Committee", "Council", "Children's Services Panel",
)
COMMITTEES_CY = (
    "Social Care, Health and Wellbeing Scrutiny Committee", "Cabinet",
    "Children and Young People Scrutiny Committee", "Corporate Parenting Panel", "Council",
    "People Scrutiny Committee", "Social Services Scrutiny Committee",
)
VENUES = (
    "Committee Room 1, Town Hall", "Council Chamber, Civic Centre", "Room 3.14, County Hall",
    "Members' Room, Guildhall", "Remote meeting via Microsoft Teams", "Council Chamber, Civic Offices",
    "Committee Room A, The Council House", "Hybrid meeting - Council Chamber and MS Teams",
)
TIMES = ("10.00 am", "10.30 am", "2.00 pm", "5.30 pm", "6.00 pm", "6.30 pm", "7.00 pm", "7.30 pm")

DCS_EN = (
    "Director of Children's Services", "Corporate Director of Children's Services",
    "Strategic Director, Children's Services", "Director of Children and Adult Services",
    "Executive Director of People", "Interim Director of Children's Services",
    "Director of Children, Families and Communities", "Strategic Director of Children and Families",
)
DCS_CY = (
    "Corporate Director, Social Services and Wellbeing", "Director of Social Services",
    "Strategic Director, Social Services", "Interim Director of Social Services",
    "Corporate Director for Social Care and Health",
)
AD = (
    "Assistant Director, Children's Social Care", "Interim Assistant Director, Children's Social "
    "Care Improvement", "Assistant Director, Safeguarding and Quality Assurance",
    "Assistant Director, Early Help and Prevention", "Head of Children's Services",
    "Head of Service, Front Door and MASH", "Principal Social Worker", "Service Manager, MASH",
    "Head of Service, Looked After Children", "Group Manager, Care Leavers",
    "Assistant Director, Partnership Commissioning", "Head of Workforce Development",
)
PORTFOLIO = (
    "Cabinet Member for Children and Families", "Cabinet Member for Children's Services",
    "Portfolio Holder for Children, Young People and Education", "Lead Member for Children",
    "Cabinet Member for Social Services", "Cabinet Member for Children and Young People",
    "Deputy Leader and Cabinet Member for Children's Social Care",
)
OTHER_POSTS = ("Chief Executive", "Leader of the Council", "Democratic Services Officer",
               "Scrutiny Officer", "Improvement Adviser", "DfE Intervention Adviser")

JUDGE_EN = ("inadequate", "inadequate", "requires improvement to be good", "requires improvement",
            "good", "good", "outstanding")
JUDGE_OLD = ("adequate", "inadequate", "good", "outstanding")
SUBJUDGE = (
    "the impact of leaders on social work practice with children and families",
    "the experiences and progress of children who need help and protection",
    "the experiences and progress of children in care and care leavers",
    "the experiences and progress of children in care",
    "children who need help and protection", "leadership, management and governance",
)
FOCUS = (
    "the front door and MASH", "children in need and children subject to a child protection plan",
    "care leavers", "the quality of assessments and planning", "children in care",
    "the arrangements for the 'front door'", "permanence planning", "the quality of supervision",
    "decision-making at the front door", "disabled children", "children at risk of exploitation",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
PLANS = ("Improvement Plan", "Children's Services Improvement Plan", "Ofsted Action Plan",
         "Post-Inspection Action Plan", "Practice Improvement Plan", "Improvement and Recovery Plan",
         "Workforce Strategy", "Sufficiency Strategy")
WORKSTREAMS = ("Partnerships", "Workforce", "Front Door and Early Help", "Quality of Practice",
               "Leadership and Governance", "Corporate Parenting", "Performance and Data",
               "Care Leavers", "Voice of the Child", "Placement Sufficiency")

# Sentences. Slots: see synth.Filler.
INSPECTION_EN = {
    "ilacs": (
        "Ofsted carried out a full inspection of local authority children's services (ILACS) "
        "between {d1} and {d2} {month} {year}.",
        "The ILACS inspection took place in {month} {year} and the report was published on "
        "{date}.",
        "Following the recent OFSTED inspection ({month} {year}) the overall effectiveness of "
        "services was judged to be {judgement}.",
        "Inspectors found that {sub} was {judgement}, and overall effectiveness was {judgement}.",
        "The standard inspection under the ILACS framework concluded on {date}.",
    ),
    "sif": (
        "Following the single inspection framework (SIF) inspection of services for children in "
        "need of help and protection, children looked after and care leavers in {month} {year}, "
        "services were judged to be {judgement}.",
        "The Ofsted single inspection report, published on {date}, judged {sub} to be "
        "{judgement}.",
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
    "{inspectorate} carried out an inspection of children's services between {d1} and {d2} "
    "{month} {year}.",
    "The {inspectorate} performance evaluation inspection of children's services reported on "
    "{date}, identifying areas for improvement in {focus}.",
    "An improvement check by {inspectorate} took place in {month} {year} and looked at {focus}.",
    "The inspection letter from {inspectorate} was received on {date} and highlighted "
    "{focus}.",
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
CONCERNS = (
    "Agency staff made up {pct}% of the social work workforce, down from {pct}% at the time of "
    "the inspection.",
    "The front door currently had {pct}% agency staff filling the roles.",
    "Average caseloads had reduced from {cl} to {cl}, against a target of {cl}.",
    "Some staff had a caseload of {cl} and the service was pushing to reduce that to {cl}.",
    "{n} social workers had been recruited from overseas since {month} {year}, with a further "
    "{n} expected to start by {month}.",
    "A recruitment campaign would be started in {n} months' time; the vacancy rate stood at "
    "{pct}%.",
    "Staff turnover was {pct}% against a target of {pct}%; exit interviews cited workloads and "
    "pay.",
    "Work was ongoing to stabilise the workforce, including a retention payment of {gbp}.",
    "The MASH had received {big} contacts in the quarter, of which {pct}% progressed to referral.",
    "{pct}% of assessments were completed within 45 working days (previously {pct}%).",
    "At the time of the inspection there were {n} young people in houses of multiple occupation; "
    "that had now been reduced to {small}.",
    "{big} children were looked after at the end of {month}, compared with {big} a year earlier.",
    "{pct}% of care leavers were in education, employment or training.",
    "{pct}% of supervision sessions were up to date, against a target of {pct}%.",
    "Audits showed {pct}% of cases rated good or better, up from {pct}%.",
    "Re-referrals within 12 months stood at {pct}%.",
    "The Academy had taken {n} newly qualified social workers, who would have protected caseloads "
    "of {cl} for their first {n} months.",
    "There were {n} children in unregulated placements, and {small} children missing from care "
    "during the month.",
    "Overspend on agency staff was forecast at {gbp} for the year.",
    "Court proceedings were taking an average of {weeks} weeks against the 26 week target.",
    "Waiting times for CAMHS had risen to {weeks} weeks.",
)
DISCUSSION = (
    "In response to a query regarding {topic}, the Committee was advised that {answer}.",
    "A Member asked about {topic}; the {post} explained that {answer}.",
    "Members raised concerns about {topic}. The {post} confirmed that {answer}.",
    "The Committee discussed {topic} and it was noted that {answer}.",
    "Councillor {surname} asked whether {topic} had improved since the inspection; officers "
    "advised that {answer}.",
    "What was the progress in relation to {topic}?",
)
TOPICS = (
    "recruiting overseas staff", "the use of agency staff at the front door", "caseloads",
    "retention of experienced social workers", "the Multi Agency Safeguarding Hub (MASH)",
    "thresholds and the consent policy", "early help", "the quality of supervision",
    "placement sufficiency", "care leavers' accommodation", "corporate parenting responsibilities",
    "child sexual exploitation (CSE) and county lines", "delays in care proceedings",
    "the voice of the child", "case recording", "pre-birth assessments", "the pay scales",
    "management oversight", "the Liquidlogic case management system", "the budget for extra "
    "social workers", "CAMHS waiting times", "information sharing between agencies",
)
ANSWERS = (
    "the service would assist with visas and offer a permanent post",
    "some agency staff were being converted to permanent employees",
    "caseloads would be reduced to {cl} for experienced social workers and {cl} for newly "
    "qualified staff",
    "a report would come back to the {month} meeting",
    "the Improvement Board had oversight of this through Workstream {n}",
    "the service had received approval to look at pay scales in line with neighbouring "
    "authorities",
    "a Back to Basics programme on case recording and analysis of risk was being rolled out",
    "the threshold document had been redesigned and {n} threshold events were being held",
    "progress had been slower than hoped and this remained a priority",
    "this was a national issue and not unique to {nice}",
    "the Council had invested {gbp} in additional posts",
    "the figures would be circulated to Members after the meeting",
)
PURPOSE = (
    "To enable the Committee to maintain oversight of this issue and target scrutiny as required.",
    "This report provides a summary of the actions since the inspection.",
    "The purpose of the report was to update Members on progress against the {plan}.",
    "To receive the outcome of the {inspectorate} inspection and the Council's response.",
)
RESOLUTIONS = (
    "That the report be noted.",
    "The committee noted the reports.",
    "That the progress made against the {plan} be noted and that a further update be brought to "
    "the meeting on {date}.",
    "That the steps being taken to make improvements in response to the {inspectorate} "
    "inspection be recognised.",
    "That the {post} be asked to circulate the latest performance figures to Members.",
    "That the Committee endorse the {plan} and the priorities in Workstream {n} - {workstream}.",
    "That consideration be given to how more elected Members could be engaged with corporate "
    "parenting responsibilities.",
    "Note the contents of this report.",
    "Provide critical comments and challenge where needed.",
)
ACTIONS = (
    "circulate the MASH performance data", "add to action sheet", "report back on agency "
    "spend", "provide a briefing on overseas recruitment", "arrange a visit to the front door",
    "update the {plan}", "share the Corporate Parenting Board report", "bring the workforce "
    "strategy to the next meeting",
)
DISTRACTORS = (
    "PDF 53 KB", "PDF 212 KB", "Appendix 'A' refers.", "Additional documents:",
    "The report is attached as Appendix 2 (PDF 1 MB).",
    "Duties under the Children Act 1989 and section 11 of the Children Act 2004 were noted.",
    "Members noted the requirements of Working Together to Safeguard Children 2018.",
    "The press and public were excluded under paragraph 3 of Schedule 12A to the Local "
    "Government Act 1972.",
    "Supporting documents:", "Webcast for this meeting is available.",
    "(Document \"Q\")", "Minute Book page 1042.",
)
FALLBACK_ITEMS = (
    "Budget Monitoring Quarter 2", "Work Programme", "School Admissions Policy",
    "Home to School Transport", "Youth Justice Plan", "Annual Complaints Report",
    "SEND Written Statement of Action", "Fostering Service Annual Report",
)
