"""Sentence templates for bench/synth.py: discussion, concerns with figures, decisions."""

from __future__ import annotations

CONCERNS = (
    "Agency staff made up {lo}% of the social work workforce, down from {hi}% at the time of the inspection.",
    "The front door currently had {pct}% agency staff filling the roles.",
    "Average caseloads had reduced from {clhi} to {cllo}, against a target of {cllo}.",
    "Some staff had a caseload of {clhi} and the service was pushing to reduce that to {cllo}.",
    "{n} social workers had been recruited from overseas since {month} {year}, with a further "
    "{n} expected to start by {month}.",
    "A recruitment campaign would be started in {mo} months' time; the vacancy rate stood at {pct}%.",
    "Staff turnover was {hi}% against a target of {lo}%; exit interviews cited workloads and pay.",
    "Work was ongoing to stabilise the workforce, including a retention payment of {gbp}.",
    "The MASH had received {big} contacts in the quarter, of which {pct}% progressed to referral.",
    "{hi}% of assessments were completed within 45 working days (previously {lo}%).",
    "At the time of the inspection there were {n} young people in houses of multiple occupation; "
    "that had now been reduced to {small}.",
    "{big} children were looked after at the end of {month}, compared with {big} a year earlier.",
    "{hi}% of care leavers were in education, employment or training.",
    "{lo}% of supervision sessions were up to date, against a target of {up}%.",
    "Audits showed {hi}% of cases rated good or better, up from {lo}%.",
    "Re-referrals within 12 months stood at {lo}%.",
    "The Academy had taken {n} newly qualified social workers, who would have protected caseloads "
    "of {cllo} for their first {mo} months.",
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
    "recruiting overseas staff",
    "the use of agency staff at the front door",
    "caseloads",
    "retention of experienced social workers",
    "the Multi Agency Safeguarding Hub (MASH)",
    "thresholds and the consent policy",
    "early help",
    "the quality of supervision",
    "placement sufficiency",
    "care leavers' accommodation",
    "corporate parenting responsibilities",
    "child sexual exploitation (CSE) and county lines",
    "delays in care proceedings",
    "the voice of the child",
    "case recording",
    "pre-birth assessments",
    "the pay scales",
    "management oversight",
    "the Liquidlogic case management system",
    "the budget for extra social workers",
    "CAMHS waiting times",
    "information sharing between agencies",
)
ANSWERS = (
    "the service would assist with visas and offer a permanent post",
    "some agency staff were being converted to permanent employees",
    "caseloads would be reduced to {cllo} for experienced social workers and {cllo} for newly "
    "qualified staff",
    "a report would come back to the {month} meeting",
    "the Improvement Board had oversight of this through Workstream {ws}",
    "the service had received approval to look at pay scales in line with neighbouring authorities",
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
    "That the Committee endorse the {plan} and the priorities in Workstream {ws} - {workstream}.",
    "That consideration be given to how more elected Members could be engaged with corporate "
    "parenting responsibilities.",
    "Note the contents of this report.",
    "Provide critical comments and challenge where needed.",
)
ACTIONS = (
    "circulate the MASH performance data",
    "add to action sheet",
    "report back on agency spend",
    "provide a briefing on overseas recruitment",
    "arrange a visit to the front door",
    "update the {plan}",
    "share the Corporate Parenting Board report",
    "bring the workforce strategy to the next meeting",
)
DISTRACTORS = (
    "PDF 53 KB",
    "PDF 212 KB",
    "Appendix 'A' refers.",
    "Additional documents:",
    "The report is attached as Appendix 2 (PDF 1 MB).",
    "Duties under the Children Act 1989 and section 11 of the Children Act 2004 were noted.",
    "Members noted the requirements of Working Together to Safeguard Children 2018.",
    "The press and public were excluded under paragraph 3 of Schedule 12A to the Local Government Act 1972.",
    "Supporting documents:",
    "Webcast for this meeting is available.",
    '(Document "Q")',
    "Minute Book page 1042.",
)
FALLBACK_ITEMS = (
    "Budget Monitoring Quarter 2",
    "Work Programme",
    "School Admissions Policy",
    "Home to School Transport",
    "Youth Justice Plan",
    "Annual Complaints Report",
    "SEND Written Statement of Action",
    "Fostering Service Annual Report",
)
NARRATIVE = (
    "{person}, the {post}, introduced the report and explained the changes that had taken place "
    "over the last {mo} months in relation to the frameworks used for inspections.",
    "The {post} explained that the actions from the inspection came under three broad areas: "
    "staffing, the confidence of social workers and managers, and the multi-agency network.",
    "In terms of staffing the posts of {post} and {post} had now been filled and there was an "
    "active marketing campaign to recruit both newly qualified and experienced social workers.",
    "There was a short discussion on how more elected Members could be engaged with corporate "
    "parenting responsibilities.",
    "The Chair thanked officers for the report and noted that the {plan} would return to the "
    "Committee in {month}.",
    "It was noted that {nice} had been rated {judgement} in comparison to neighbouring "
    "authorities who were rated as good and outstanding.",
    "The {post} reminded Members that the Improvement Board, chaired by {person}, met monthly "
    "and received a dashboard of key performance indicators.",
    "Quality assurance through audits was beginning to show some shoots of improvement, although "
    "there were still challenges around consistency of practice for too many teams.",
    "The importance of communication between social workers and families was discussed, "
    "together with the permanence of social workers.",
    "Members were reminded of the Council's duties under section 17 of the Children Act 1989.",
)
IMPROVEMENTS = (
    "A revised consent policy and a redraft of the thresholds document.",
    "A Back to Basics programme for all children's social care staff on case recording, the "
    "voice of the child and analysis of risk.",
    "Review and refresh of the social work job role, with a view to an increase in grade.",
    "Reducing social work caseloads to {cllo} for experienced social workers.",
    "A social worker now being based at the Contact Centre that screened all calls.",
    "A new Practice Framework based on Signs of Safety.",
    "An overseas recruitment campaign, with {n} social workers due to arrive by {month}.",
    "Monthly performance clinics chaired by the {post}.",
    "A Social Work Academy for newly qualified social workers in their assessed first year.",
    "Redesign of the MASH and the front door with police and health partners.",
    "A refreshed Corporate Parenting Strategy and pledge to children in care.",
    "Strengthened management oversight and supervision, with {hi}% of supervisions now recorded.",
)
ROUTINE = (
    (
        "Apologies for Absence",
        "p",
        "Apologies for absence were received from Councillors {surname} and {surname}.",
    ),
    ("Declarations of Interest", "p", "There were no declarations of interest."),
    (
        "Declarations of Interest",
        "p",
        "Councillor {surname} declared a non-pecuniary interest as a foster carer.",
    ),
    (
        "Minutes of the previous meeting",
        "resolved",
        "That the minutes of the meeting held on {date} "
        "be confirmed as a correct record and signed by the Chair.",
    ),
    ("Chair's Announcements", "p", "The Chair welcomed {person}, the new {post}, to the meeting."),
    ("Public Questions", "p", "No public questions had been received."),
)
IMPROVING = (
    "The {post} reported that steps were being taken to make improvements in response to the "
    "inspection which included:"
)
