"""The demo's scorecard narrative, as data (built by :mod:`cometa.demo.scorecards`).

UN Country Team Kazakhstan: the 2022 annual progress assessment follows the team's public
report (ratings, reassessed indicators, team, facts and figures); every sentence here is
written anew. The earlier years (2018 baseline, 2019–2021 annual updates) are invented but
chosen so that the ratings carried into 2022 are those of the report. The other country
teams and their countries are fictional (user-assigned ISO codes, X..); so are their ratings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- Shapes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rated:
    """One reassessed indicator. ``answers`` None: the builder picks answers that give
    ``level``. ``agreed`` (with ``reason``) when the team's rating differs from the engine's."""

    level: str
    answers: dict[str, str] | None = None
    inputs: dict[str, float] = field(default_factory=dict)
    findings: dict[str, str] = field(default_factory=dict)
    justification: str = ""
    agreed: str = ""
    reason: str = ""
    editor: str = "aigerim"


@dataclass(frozen=True)
class Document:
    code: str
    category: str
    title: str
    url: str = ""
    shared: bool = False
    good_practice: bool = False


@dataclass(frozen=True)
class Action:
    code: str
    text: str
    progress: dict[str, str] = field(default_factory=dict)
    status: str = "in_progress"
    responsible: str = ""


@dataclass(frozen=True)
class Year:
    year: int
    kind: str  # "comprehensive" or "annual"
    cycle: str
    ratings: dict[str, Rated]
    carried_notes: dict[str, str] = field(default_factory=dict)
    process: str = ""
    team: tuple[tuple[str, str, str], ...] = ()  # name, entity, title
    documents: tuple[Document, ...] = ()
    actions: tuple[Action, ...] = ()


MET, NOT, UNKNOWN = "met", "not_met", "unknown"

# --- UN Country Team Kazakhstan ------------------------------------------------------------

KAZ_CYCLES = (
    ("Partnership Framework for Development 2016–2020", 2016, 2020),
    ("UNSDCF 2021–2025", 2021, 2025),
)
PFD, UNSDCF = KAZ_CYCLES[0][0], KAZ_CYCLES[1][0]

KAZ_TEAM_2022 = (
    ("Gaukhar Nursha", "UNDP", "Gender Specialist"),
    ("Azamat Zhamandinov", "UNICEF", "Child Protection Officer"),
    (
        "Kamidola Aizhan",
        "FAO",
        "National Gender Expert, FAO Partnership and Liaison Office in the Republic of Kazakhstan",
    ),
    ("Dinara Yerniyazova", "UNODC", "National Programme Officer, Astana office"),
    ("Dina Amrisheva", "UN Women", "Programme Manager"),
    ("Dinara Shamenova", "UN Women", "Programme Associate"),
    (
        "Abylaikhan Dauletalin",
        "UN RCO",
        "Development Coordination Officer, Data Management & Results Monitoring/Reporting",
    ),
    ("Nina Henke", "UNAIDS", "Programme Analyst"),
)

KAZ_PROCESS_2022 = """\
In November 2022 UN Women's country office gave the global UNCT-SWAP secretariat the names \
of the focal points who would form Kazakhstan's inter-agency assessment team, and then \
organised the team's work and supported it technically. The team first met on 4 November \
2022, when UN Women explained the aims, the method and the guidance. From 7 to 18 November \
the members worked through the technical guidance, gathered and checked evidence together, \
went back over the 2021 report, chose the dimensions and indicators to report on and gave \
provisional ratings to the five indicators they reassessed. They then drafted the 2022 annual \
report, revised the action plan, and met once more to agree every rating and make sure each \
one rests on means of verification.

Seven UN entities took part in 2022: UNDP, UNICEF, FAO, UNODC, UN Women, the Resident \
Coordinator's Office and UNAIDS. No SWAP exercise in Kazakhstan since 2019 had drawn so many \
entities, which kept the process participatory and inclusive."""

_CARRIED = "Carried from {year}. "

KAZ_2022 = Year(
    year=2022,
    kind="annual",
    cycle=UNSDCF,
    process=KAZ_PROCESS_2022,
    team=KAZ_TEAM_2022,
    ratings={
        "2.2": Rated(
            "exceeds",
            answers={"approaches.a": MET, "meets.b": MET, "meets.c": MET, "exceeds.d": MET},
            findings={
                "approaches.a": (
                    "Several entities communicated on gender equality together in 2022, "
                    "through the Spotlight regional programme and the UN Communications Group."
                ),
                "meets.b": (
                    "The EU-funded Spotlight Initiative regional programme for Central Asia and "
                    'Afghanistan carried joint advocacy in 2022. Its Digital Challenge "IT '
                    'against Violence" (April 2022) drew 835 registrations from students and '
                    "young graduates, 260 of whom took part. It showed with real cases how "
                    "digital tools can expose, prevent and answer gender-based violence, "
                    "warned of new forms of violence online, argued that gender equality is a "
                    "condition of the SDGs and pointed to what violence against women costs "
                    "people, society and the economy, and to the missing data on it."
                ),
                "meets.c": (
                    "The UN Communications Group's workplan makes gender equality and women's "
                    "empowerment a priority of the UNCT's communication strategy for "
                    "2021–2025, with work against inequality and for inclusion. The group "
                    "prepared the 16 Days of Activism against Gender-Based Violence, opening "
                    'on 25 November 2022 under the theme "Unite! Activism to end violence '
                    "against women & girls\": a joint UN statement with partners' input, a "
                    "joint video address and a joint digital campaign on cyberbullying."
                ),
                "exceeds.d": (
                    "Two joint activities went beyond the usual themes. A photo exhibition, "
                    '"KAZAKHSTAN WOMEN – Champions of a Prosperous and Sustainable World", '
                    "made under a Joint SDG Fund project and shown at the Second SDG Summit in "
                    "Almaty in June 2022, presented women's part in the SDGs, in local "
                    "development and policy, and in careers in sectors dominated by men. A "
                    "regional event for the International Day of the Girl Child was devoted "
                    "to women in STEM, with role models from Ukraine, Moldova, Kosovo, "
                    "Albania, Kazakhstan, Tajikistan, Uzbekistan and Kyrgyzstan."
                ),
            },
            justification=(
                "Joint advocacy, a communication workplan that puts gender equality first and "
                "joint communication in areas not usually linked to gender (women in STEM, "
                "women's contribution to the SDGs) are all evidenced for 2022. The team "
                "therefore rates the indicator Exceeds, one level above its 2020 rating."
            ),
        ),
        "3.2": Rated(
            "meets",
            answers={"meets.a": MET, "meets.b": UNKNOWN, "meets.c": MET},
            findings={
                "meets.a": (
                    "Women's and gender-equality organisations, grassroots groups, activists "
                    "and national gender experts work with the UN on more than one joint "
                    "initiative in Kazakhstan and Central Asia. The Spotlight regional "
                    "programme (UN Women, UNDP, UNFPA and the RCO) has a pillar devoted to "
                    "civil society's part in ending sexual and gender-based violence and "
                    "harmful practices. Under it the UN and CSOs ran three initiatives: small "
                    "grants and formal partnerships to build organisational capacity (36 "
                    "agreements signed, over USD 678,000 provided); a regional network of "
                    "CSOs working on SGBV, involved in 25 consultations with 529 participants "
                    "from the five Central Asian countries; and a grant-making mechanism that "
                    "strengthens regional women's movements and links grassroots groups to "
                    "international donors."
                ),
                "meets.c": (
                    "Kazakhstan presented its second Voluntary National Review at the 2022 "
                    "High-Level Political Forum. Field workshops in all 17 regions brought "
                    "more than 2,500 people into its preparation: civil society, local "
                    "authorities, independent experts, persons with disabilities, retired "
                    "people, academics, young people and business. SDG 5, and the gender side "
                    "of all 17 goals, were on the agenda, and experts of the Institute for "
                    "Economic Research presented a regional gender analysis of education, "
                    "health and social protection."
                ),
            },
            justification=(
                "Two of the three criteria are evidenced: joint initiatives with women's "
                "organisations, and support for their part in carrying out the SDGs through "
                "the 2022 VNR. Their participation in the Cooperation Framework consultations "
                "was not documented this year. The rating stays at Meets."
            ),
        ),
        "5.2": Rated(
            "approaches",
            answers={"approaches.a": MET, "meets.b": NOT, "meets.c": UNKNOWN},
            findings={
                "approaches.a": (
                    "In June 2022 the UNCT held a two-day, in-person Women Security Awareness "
                    "Training (WSAT) on the security risks female UN personnel may face and "
                    "practical ways to reduce them; 49 women from several agencies and from "
                    "the Gender Theme Group attended. The UNCT also began a series of "
                    "brown-bag talks with accomplished Kazakhstani women: in October 2022 "
                    "Ainur Absemetova spoke about more than 20 years in international "
                    "development, building a career and breaking the glass ceiling."
                ),
                "meets.b": (
                    "No inter-agency assessment of gender capacities has been made, and so "
                    "there is no learning plan built on one."
                ),
            },
            justification=(
                "One substantial inter-agency learning activity took place in the past year "
                "(WSAT, June 2022), which satisfies Approaches. Meets needs a capacity "
                "assessment with a plan and induction material, which the UNCT does not have "
                "yet; gender-equality and gender-marker training for UN personnel are planned."
            ),
            editor="daniyar",
        ),
        "6.1": Rated(
            "approaches",
            answers={"approaches.a": MET, "meets.b": MET, "meets.c": NOT, "exceeds.d": NOT},
            findings={
                "approaches.a": (
                    "While the joint work plans of the 2021–2025 Cooperation Framework were "
                    "prepared (for 2021, then the current plan for 2022–2023), the Resident "
                    "Coordinator's Office ran sessions on the gender equality marker and how "
                    "to apply it, shared guidance on the method, and briefed the results "
                    "groups on the human rights code, OECD DAC and QCPR markers."
                ),
                "meets.b": (
                    "The gender marker is a required field of every sub-output in the joint "
                    "work plans, and some gender budget data are followed each time the UNSDCF "
                    "financial framework and the work plans are brought up to date. At least 26% "
                    "of the funds available for programmes go to gender equality and women's "
                    "empowerment."
                ),
                "meets.c": (
                    "No financial target for gender-equality programme allocations has been "
                    "set. Gender is instead mainstreamed in every outcome and has an outcome "
                    "area of its own (effective institutions, human rights and gender "
                    "equality)."
                ),
            },
            justification=(
                "Gender-marker training was given during the current cycle, so the indicator "
                "reaches Approaches, up from Missing at the 2018 baseline. With no financial "
                "target for gender-equality allocations it cannot reach Meets."
            ),
        ),
        "7.1": Rated(
            "approaches",
            answers={"approaches.a": MET, "meets.b": NOT, "exceeds.c": NOT},
            findings={
                "approaches.a": (
                    "Kazakhstan climbed from 80th place (2021) to 65th of 146 countries in the "
                    "World Economic Forum's Global Gender Gap Index 2022, the best rank in "
                    "Central Asia, and from 47th to 29th on economic participation and "
                    "opportunity. The UN supported the drafting of the Social Code in 2022; "
                    "helped Kazakhstan become a commitment maker in two Generation Equality "
                    "Action Coalitions (gender-based violence; economic justice and rights) "
                    "and extend its commitments to 2025; supported a method of gender analysis "
                    "of planning and budgeting for the second VNR; and helped update the "
                    "Concept of Family and Gender Policy to 2030. The Concept is guided by "
                    "SDG 5 and sets seven objectives, among them better awareness of "
                    "reproductive health, more fathers involved in raising children, fewer "
                    "repeat cases of domestic violence, better financial literacy of women "
                    "entrepreneurs and more women in decision-making."
                ),
                "meets.b": (
                    "The team could not show that every gender-equality result planned in the "
                    "Cooperation Framework outcomes is achieved or on track."
                ),
            },
            justification=(
                "Some of the planned gender-equality results are achieved or on track, which "
                "satisfies Approaches. Evidence that all of them are on track is missing, so "
                "the rating stays at Approaches."
            ),
            editor="daniyar",
        ),
    },
    carried_notes={
        "1.1": _CARRIED.format(year=2021)
        + "The CCA, updated in March and October 2022 with input from the Gender Theme Group, "
        "analyses gender visibly in 8 of its 17 sections and partly in 7 others; the sections "
        "on the environment and on financing have none. It cites CEDAW, the Beijing Platform "
        "and the UPR and quotes the Global Gender Gap, Gender Inequality and Gini indexes. "
        "Sex-disaggregated data are strong on governance, the economy, social issues and "
        "LNOB, and absent on the environment, financing and capacity. The team recommends "
        "gender analysis and data in every section at the next update.",
        "1.2": _CARRIED.format(year=2021)
        + "All six outcomes of the UNSDCF 2021–2025, in three strategic areas, are written in "
        "gender-sensitive language and include SDG 5 targets, with gender-specific theories "
        'of change; the area "Effective Institutions, Human Rights and Gender Equality" '
        "targets gender equality on its own.",
        "1.3": _CARRIED.format(year=2021)
        + "38 of the 78 outcome indicators (49%) follow gender-equality results: 15 of 16 in "
        "the People area, 15 of 29 in Peace and 8 of 33 in Prosperity and Planet. The team "
        "aims at more than half in the 2026–2030 framework.",
        "2.1": _CARRIED.format(year=2020)
        + "In 2022 the joint programmes included the Spotlight regional programme (gender "
        "marker 3: gender equality is its main objective), the joint UBRAF plan on HIV, and a "
        "2019–2022 project with the Ministry of Labour and Social Protection of the Population "
        "on family and gender policy, women's economic integration and ending domestic "
        "violence.",
        "2.3": _CARRIED.format(year=2021)
        + "The three results groups gather data on the gender-sensitive indicators as planned. "
        "A preliminary mid-term review is scheduled for 2023 and the independent UNSDCF "
        "evaluation for 2024; the team recommends gender-sensitive M&E training for the "
        "monitoring group during the cycle.",
        "3.1": _CARRIED.format(year=2021)
        + "The UNCT works with the Ministry of Labour and Social Protection of the Population, "
        "the National Commission for Women Affairs and Family-Demographic Policy, the "
        "Ombudsperson and the Bureau of National Statistics (the methodology of the 2022 "
        "national survey on violence against women and girls); the National Commission took "
        "part in every stage of the UNSDCF.",
        "4.1": _CARRIED.format(year=2021)
        + "Gender equality is a standing item of every monthly UNCT meeting, the Resident "
        "Coordinator champions it in public and in the Spotlight programme, and the 2021 RC "
        "and UNCT performance plan has a gender section with six indicators.",
        "4.2": _CARRIED.format(year=2019)
        + "73% of the 178 personnel who answered the survey rated the environment for gender "
        "equality positively.",
        "4.3": _CARRIED.format(year=2020)
        + "There is still no UNCT-wide monitoring of gender parity; a staffing survey is "
        "planned for the 2023 comprehensive assessment.",
        "5.1": _CARRIED.format(year=2019)
        + "The extended Gender Theme Group carried on in 2022 as a forum on national "
        "strategies (the Social Code, domestic-violence legislation, the youth concept, "
        "family and gender policy) and joint advocacy; the indicator was not reassessed.",
    },
    documents=(
        Document(
            "2.1", "joint_programmes", "Umbrella programme document (consolidated, 17 June 2019)"
        ),
        Document(
            "2.1",
            "joint_programmes",
            "Spotlight Initiative, Central Asia regional programme document (final, English)",
        ),
        Document("2.1", "joint_programmes", "UBRAF 2020–2021 (final)"),
        Document("2.2", "communication", "UNCT Kazakhstan joint communication plan 2022"),
        Document("2.2", "communication", "UN Communications Group annual work plan 2022"),
        Document(
            "2.2",
            "communication",
            'Spotlight Digital Challenge "IT against Violence"',
            url="https://spotlightdigital.org/",
            shared=True,
            good_practice=True,
        ),
        Document(
            "2.2",
            "communication",
            'Photo exhibition "KAZAKHSTAN WOMEN – Champions of a Prosperous and Sustainable World"',
            url="https://jointsdgd.org/article/kazakhstan-women-champions-prosperous-and-sustainable-world",
            shared=True,
            good_practice=True,
        ),
        Document(
            "2.2",
            "communication",
            "Civil society from Afghanistan and Central Asia on a joint strategy for "
            "preventing gender-based violence (news story)",
            url="https://eca.unwomen.org/en/stories/news/2022/11/civil-society-organizations-from-afghanistan-and-central-asia-converge-to-discuss-joint-strategy-for-preventing-gender-based-violence",
        ),
        Document(
            "2.2",
            "communication",
            "Meet STEM mentors in Europe and Central Asia (event)",
            url="https://stem4alleurasia.org/connect/events/meet-stem-mentors-in-europe-and-central-asia",
        ),
        Document("3.1", "government", "Actualisation of the Concept on Gender and Family Policy"),
        Document("3.1", "government", "Concept note, 9 December"),
        Document("3.1", "government", "SEIA II executive summary (4 July 2021)"),
        Document("3.1", "government", "National Action Plan on UNSCR 1325"),
        Document(
            "3.1",
            "government",
            "Terms of reference of the pilot prevalence study on violence against women "
            "(Bureau of National Statistics)",
        ),
        Document(
            "3.2", "cso", "National CSO meetings: report on outcomes (30 June 2022, Spotlight)"
        ),
        Document("3.2", "other", "Minutes of the VNR meeting with the UN"),
        Document("3.2", "other", "VNR roadmap for Kazakhstan"),
        Document("3.2", "other", "VNR 2022 Kazakhstan: main messages (English)"),
        Document(
            "3.2",
            "cso",
            "Kazakhstan's 2022 Voluntary National Review (High-Level Political Forum)",
            url="https://hlpf.un.org/countries/kazakhstan/voluntary-national-review-2022",
            shared=True,
        ),
        Document("4.1", "rc_communications", "2021 UNCT Kazakhstan performance plan evaluation"),
        Document("4.1", "rc_communications", "UNCT meeting minutes, 30 September 2021"),
        Document("5.2", "capacity", "WSAT Kazakhstan schedule, June 2022"),
        Document("5.2", "capacity", "Brown-bag event agenda, 20 October 2022"),
        Document("5.2", "capacity", 'Brown-bag "Women in Charge" flyer'),
        Document("6.1", "other", "UN Kazakhstan annual report 2021"),
        Document("6.1", "finance", "UNSDCF financial framework"),
        Document("6.1", "other", "UNSDCF Kazakhstan 2021–2025"),
        Document("6.1", "finance", "Joint work plan 2022–2023"),
        Document("7.1", "other", "Updated Concept on Gender and Family Policy (2022)"),
        Document("7.1", "other", "World Economic Forum, Global Gender Gap Report 2022"),
        Document("7.1", "cf_monitoring", "UNSDCF Kazakhstan 2021–2025"),
        Document("7.1", "other", "UN Info: export of the UNCT joint work plan"),
        Document(
            "7.1",
            "other",
            "Presidential decree approving the updated Concept of Family and Gender Policy to 2030",
            url="https://adilet.zan.kz/rus/docs/U2200000853",
            shared=True,
        ),
        Document(
            "7.1",
            "other",
            "Video statement of the President at the Generation Equality Forum",
            url="https://www.akorda.kz/en/kazakhstan-president-delivered-a-video-statement-at-the-generation-equality-forum-16648",
        ),
    ),
    actions=(
        Action(
            "1.1",
            "Give every section of the CCA gender analysis, including the root causes of "
            "inequality and discrimination in line with the SDGs and SDG 5 and the UN's "
            "comparative advantage on gender, with consistent sex-disaggregated data.",
            {
                "2019": "Not applicable yet: a new CCA was being written for the next framework.",
                "2020": "The UNSDCF was agreed with the Government in the third quarter.",
                "2021": "The CCA was updated in October.",
                "2022": "The CCA was updated in March and October, with gender input from the GTG.",
            },
        ),
        Action(
            "1.2",
            "Mainstream gender in every outcome of the next Cooperation Framework, or give it "
            "an outcome dedicated to gender equality, with one third to one half of its "
            "indicators sex-disaggregated or gender-sensitive.",
            {
                "2019": "Not applicable yet: the new framework was being drafted.",
                "2020": "The UNSDCF was agreed with the Government in the third quarter.",
                "2021": "Implementation of the UNSDCF began.",
                "2022": "A two-year joint work plan for 2022–2023 was prepared; outcomes and "
                "outputs are unchanged and new sub-outputs serve them.",
            },
            status="done",
        ),
        Action(
            "2.1",
            "Draw up a gender checklist for joint programme proposals (gender analysis, "
            "gender-sensitive and sex-disaggregated indicators), filled in by the agencies and "
            "sent with the draft programme document to the GTG or the UNCT for review.",
            {
                "2019": "The GTG was strengthened to review joint programmes; its members sit "
                "in the results groups.",
                "2020": "The EU-funded Spotlight programme for Central Asia started, with the "
                "RCO, UN Women, UNFPA and UNDP.",
                "2021": "The Spotlight programme continued.",
                "2022": "Running: the Spotlight regional programme; EU-funded economic "
                "empowerment of Afghan women through education; the MPTF COVID-19 Digital "
                "Social Card project; EU-funded support to Central Asian states for the "
                "rehabilitation and reintegration of returnees from conflict zones; others.",
            },
        ),
        Action(
            "2.2",
            "Make sure the communication group's strategy and workplan show gender-equality "
            "priorities and actions carried by several agencies, including those working in "
            "non-traditional sectors.",
            {
                "2019": "Not done yet: the group's workplan had no specific gender actions.",
                "2020": "Joint campaigns and statements strengthened gender advocacy.",
                "2021": "Joint campaigns and statements continued.",
                "2022": "Joint campaigns and statements, joint video addresses with the "
                "international community, and exhibitions for the 16 Days campaign and the "
                "UN's 30th anniversary in Kazakhstan.",
            },
            status="done",
        ),
        Action(
            "2.3",
            "Collect data on the gender-sensitive indicators in every results group as "
            "planned, have reviews and evaluations assess gender-specific results, and train "
            "the results groups on gender.",
            {
                "2019": "The independent PFD evaluation looked closely at gender results; UN "
                "Women and OHCHR ran a workshop on human-rights- and gender-based programming "
                "for all UN staff in October.",
                "2020": "The UNSDCF's M&E section sets out the monitoring and evaluation for "
                "2021–2025.",
                "2021": "As in 2020.",
                "2022": "As in 2020; a preliminary mid-term review is scheduled for 2023.",
            },
        ),
        Action(
            "3.1",
            "To go further, work with government partners that serve the most disadvantaged "
            "(rural women and girls, women and girls with disabilities, women heads of "
            "household, LGBTI people, boys who leave school, male sex workers) and in "
            "non-traditional sectors (trade and macro-economics, climate adaptation and "
            "disaster risk reduction, gender identity and sexual orientation), from the CCA "
            "to the evaluation.",
            {
                "2020": "The Government works on gender equality through the national women's "
                "machinery, legislation and joint programmes with the UN.",
                "2021": "As in 2020.",
                "2022": "Also as a Generation Equality commitment maker (GBV; economic justice "
                "and rights); Kazakhstan contributed funds to the Spotlight regional "
                "programme.",
            },
        ),
        Action(
            "3.2",
            "To go further, work with CSOs that serve the most disadvantaged and CSOs in "
            "non-traditional sectors, from the CCA to the evaluation.",
            {
                "2019": "UN Women renewed its Civil Society Advisory Group with members from "
                "marginalised groups (LGBTQ people, women living with HIV, women with "
                "disabilities, rural women) and one man; it first met in October 2019, "
                "alongside the UNSDCF strategic partnership retreat in Nur-Sultan.",
                "2020": "Pillar 6 of the Spotlight Initiative is built to strengthen CSOs' "
                "part in ending violence against women.",
                "2021": "As in 2020.",
                "2022": "35 partner agreements with CSOs in the region, a regional CSO forum "
                "that is becoming a network, a regional grant-making mechanism being set up "
                "and small grants worth about USD 680,000.",
            },
        ),
        Action(
            "4.3",
            "Gather gender parity data from every agency regularly (the SWAP template may "
            "serve), discuss parity in the UNCT at least once a year and consider further "
            "measures.",
            {
                "2019": "No action by the UNCT since the baseline.",
                "2022": "A survey of gender parity in the UN in Kazakhstan is planned for the "
                "2023 comprehensive assessment.",
            },
            status="planned",
        ),
        Action(
            "5.1",
            "Consider new GTG terms of reference making heads of agency and operations "
            "managers core members; heads of agency to attend as many GTG meetings as they "
            "can, or hold at least two UNCT meetings a year as senior GTG meetings chaired by "
            "the RC; involve the GTG in every stage of the Cooperation Framework.",
            {
                "2019": "Heads of agency were asked to attend at least one GTG meeting a year; "
                "in 2019 only the RC and UNFPA did. GTG members contributed to the PFD results "
                "groups and to the start of the UNSDCF.",
                "2020": "GTG members contributed to the new UNCT guidance on gender theme groups.",
                "2022": "The extended GTG, open to the international community and national "
                "partners, kept meeting on national strategies and joint advocacy.",
            },
        ),
        Action(
            "5.2",
            "Assess gender knowledge across agencies and draw from it a staged learning plan, "
            "priority groups first (GTG, results groups); invite gender CSOs to share their "
            "knowledge; prepare a UN-wide induction package on the UNCT's gender commitments "
            "and the country's gender context.",
            {
                "2019": "Some GEWE training events, but no capacity plan or induction material.",
                "2020": "A two-day UNCT-SWAP scorecard training for the UNCT.",
                "2021": "Gender-equality training for UN personnel planned for 2022.",
                "2022": "Gender-marker training for UN personnel planned for 2023.",
            },
        ),
        Action(
            "6.1",
            "The baseline found that 16% of the 2016 PFD resources went to gender-targeted "
            "activities: make that share, or a higher one, an annual target and state it in "
            "the work plan.",
            {
                "2019": "No financial target yet; the PFD results matrix shows allocations by "
                "output.",
                "2020": "To be set in 2021 with the UNSDCF joint work plans.",
                "2021": "Planned resources are budgeted in the joint work plan of the three "
                "results groups.",
                "2022": "Planned resources are budgeted in the 2022–2023 joint work plan and "
                "the UNSDCF financial framework; at least 26% of funds go to gender equality.",
            },
        ),
        Action(
            "7.1",
            "Results groups and the GTG to consolidate gender-related data against the "
            "results framework regularly, for monitoring, evaluability and reporting on the "
            "UNCT's gender performance.",
            {
                "2019": "Progress against the results groups' two-year work plans is "
                "monitored yearly; the independent PFD evaluation reported significant gender "
                "results.",
                "2020": "To be set in 2021 with the UNSDCF joint work plans.",
                "2021": "Results are in the 2021 UNSDCF annual work plan.",
                "2022": "The 2021 UNCT annual report shows support to national partners at "
                "global (GEF, CSW, VNR), regional (Central Asian women's dialogue, Spotlight) "
                "and national (SDG delivery and localisation) level.",
            },
        ),
    ),
)

_PARITY_REASON = (
    "The team kept Approaches, as in the previous scorecard: each agency monitors parity "
    "itself, and Cometa's reading of this criterion is still to be verified against the "
    "official guidance. The engine gives Missing because no UNCT-wide mechanism exists."
)

# The years before 2022: invented, consistent with the report's action plan and with the
# ratings it carries. They name no team members: nobody is said to have done what they did not.
_INVENTED = (
    "(Demo data: this year is invented so that the ratings carried into the 2022 report have "
    "a history; the 2022 assessment follows the team's published report.)"
)
KAZ_EARLIER = (
    Year(
        year=2018,
        kind="comprehensive",
        cycle=PFD,
        process="Baseline scorecard of the Partnership Framework for Development 2016–2020. "
        + _INVENTED,
        ratings={
            "1.1": Rated(
                "approaches",
                justification="The CCA of the current PFD analyses gender "
                "in most sectors but not in all of them.",
            ),
            "1.2": Rated("meets", justification="Gender is mainstreamed in the PFD outcomes."),
            "1.3": Rated(
                "approaches",
                inputs={"pct_indicators": 28.0},
                justification="About a quarter of the PFD indicators measure change in "
                "gender equality.",
            ),
            "2.1": Rated(
                "approaches",
                justification="Most joint programmes address gender; none is dedicated to it yet.",
            ),
            "2.2": Rated(
                "approaches",
                justification="Agencies communicate on gender together, "
                "but the communication group's workplan has no gender actions.",
            ),
            "2.3": Rated(
                "approaches",
                justification="Results groups collect data on the gender-sensitive PFD indicators.",
            ),
            "3.1": Rated(
                "meets",
                justification="Joint work with the national women's machinery "
                "and other government bodies.",
            ),
            "3.2": Rated(
                "approaches",
                justification="One joint initiative with women's organisations during the cycle.",
            ),
            "4.1": Rated(
                "meets",
                justification="Gender equality is on the agenda of every UNCT "
                "meeting and the RC speaks for it in public.",
            ),
            "4.2": Rated(
                "meets",
                inputs={"pct_positive": 72.0},
                justification="72% positive answers in the 2017 personnel survey.",
            ),
            "4.3": Rated(
                "missing",
                answers={"approaches.a": NOT, "exceeds.c": NOT},
                inputs={"pct_women": 59.0},
                agreed="approaches",
                reason=_PARITY_REASON,
                justification="Women are 59% of the personnel of the agencies that reported.",
            ),
            "5.1": Rated(
                "missing",
                justification="The GTG has no head-of-agency chair and no endorsed workplan.",
            ),
            "5.2": Rated("approaches", justification="A few gender training events took place."),
            "6.1": Rated(
                "missing",
                justification="16% of the 2016 PFD resources went to "
                "gender-targeted activities, but no target is set and no gender-marker "
                "training has taken place.",
            ),
            "7.1": Rated("approaches", justification="Some planned gender results are on track."),
        },
        actions=tuple(Action(a.code, a.text, status="planned") for a in KAZ_2022.actions),
    ),
    Year(
        year=2019,
        kind="annual",
        cycle=PFD,
        process="Annual progress assessment. " + _INVENTED,
        ratings={
            "2.3": Rated(
                "approaches",
                answers={"approaches.a": MET, "approaches.b": MET, "meets.c": NOT},
                findings={
                    "approaches.b": "The 2019 independent evaluation of the PFD paid close "
                    "attention to gender mainstreaming and gender results.",
                    "approaches.a": "Results groups monitor their two-year work plans, "
                    "indicators included, every year.",
                },
                justification="Both elements of Approaches are in place; no gender M&E "
                "training for the monitoring group yet.",
            ),
            "3.2": Rated(
                "meets",
                answers={"meets.a": MET, "meets.b": MET, "meets.c": NOT},
                findings={
                    "meets.a": "UN Women renewed its Civil Society Advisory Group, with members "
                    "from marginalised groups; it first met in October 2019.",
                    "meets.b": "Women's organisations took part in the consultations that "
                    "opened the UNSDCF process, including the strategic partnership retreat.",
                },
                justification="Two of the three criteria are met.",
            ),
            "4.2": Rated(
                "meets",
                inputs={"pct_positive": 73.0},
                justification="The survey went to every head of agency for all personnel; "
                "178 of at least 255 answered. 73% of answers to the 10 questions were "
                "positive (one point more than in 2017), 7% negative and 20% neutral.",
            ),
            "5.1": Rated(
                "missing",
                answers={"meets.a": NOT, "meets.b": NOT, "meets.c": NOT},
                justification="Heads of agency were asked to attend at least one GTG meeting "
                "a year; only the RC and UNFPA did in 2019.",
            ),
            "7.1": Rated(
                "approaches",
                answers={"approaches.a": MET, "meets.b": NOT},
                findings={
                    "approaches.a": "The 2019 independent evaluation of the PFD reported "
                    "significant gender-equality results."
                },
                justification="Some planned results are achieved; not all.",
                editor="daniyar",
            ),
        },
    ),
    Year(
        year=2020,
        kind="annual",
        cycle=PFD,
        process="Annual progress assessment. " + _INVENTED,
        ratings={
            "2.1": Rated(
                "meets",
                answers={"approaches.a": MET, "meets.a": MET, "meets.b": MET, "exceeds.c": NOT},
                findings={
                    "meets.a": "Gender is visibly built into both joint programmes running: "
                    "the Spotlight regional programme and the joint UBRAF plan on HIV.",
                    "meets.b": "Three entities (UN Women, UNFPA and UNDP) started the EU-funded "
                    "Spotlight Initiative regional programme for Central Asia and Afghanistan "
                    "(2020–2022) against sexual and gender-based violence and harmful "
                    "practices; a 2019–2022 joint project with the Ministry of Labour and "
                    "Social Protection of the Population supports family and gender policy.",
                },
                justification="A joint programme dedicated to gender equality now runs, so "
                "the indicator rises from Approaches to Meets.",
            ),
            "2.2": Rated(
                "meets",
                answers={"approaches.a": MET, "meets.b": MET, "meets.c": MET, "exceeds.d": NOT},
                findings={
                    "meets.b": "Joint campaigns and statements on gender equality, including "
                    "the 16 Days of Activism.",
                    "meets.c": "The communication group's workplan now carries gender actions.",
                },
                justification="Joint campaigns and a workplan with gender actions: Meets.",
            ),
            "3.1": Rated(
                "meets",
                answers={"exceeds.a": MET, "exceeds.b": MET, "exceeds.c": UNKNOWN},
                justification="Joint initiatives with government and the national women's "
                "machinery in the UNSDCF design.",
            ),
            "4.3": Rated(
                "missing",
                answers={"approaches.a": NOT, "exceeds.c": NOT},
                inputs={"pct_women": 55.0},
                agreed="approaches",
                reason=_PARITY_REASON,
                justification="In the 12 agencies that sent staffing data in time, 55% of "
                "national and international personnel are women and 45% men, closer to "
                "parity (47–53%) than at the baseline (59% women); service contracts are "
                "counted for the first time. The operations strategy 2018–2020 has no gender "
                "actions.",
            ),
            "5.2": Rated(
                "approaches",
                answers={"approaches.a": MET, "meets.b": NOT, "meets.c": NOT},
                findings={"approaches.a": "A two-day UNCT-SWAP scorecard training for the UNCT."},
                justification="One inter-agency capacity activity; no capacity plan yet.",
            ),
        },
    ),
    Year(
        year=2021,
        kind="annual",
        cycle=UNSDCF,
        process="Annual progress assessment. " + _INVENTED,
        ratings={
            "1.1": Rated(
                "approaches",
                answers={"approaches.a": MET, "approaches.b": MET, "meets.a": NOT, "meets.b": NOT},
                findings={
                    "approaches.a": "The CCA updated in October 2021 analyses gender, with "
                    "root causes linked to the SDGs and SDG 5, in most of its sectors: "
                    "clearly in 8 of 17 (human rights, the economy, the social dimension, "
                    "LNOB, international commitments, South-South cooperation, data gaps, "
                    "labour and poverty) and partly in 7 more.",
                    "approaches.b": "Sex-disaggregated data are used where they exist, richly "
                    "for governance, the economy, social issues and LNOB.",
                },
                justification="Gender analysis covers most sectors but not the environment "
                "or financing, and the data are not consistent across sectors.",
            ),
            "1.2": Rated(
                "exceeds",
                answers={"approaches.a": MET, "meets.a": MET, "meets.b": MET},
                findings={
                    "meets.a": "The UNSDCF 2021–2025 has six outcomes in three strategic "
                    "areas; each is written in gender-sensitive language and includes SDG 5 "
                    "targets, and gender-specific theories of change support monitoring.",
                    "meets.b": 'The strategic area "Effective Institutions, Human Rights and '
                    'Gender Equality" says how gender equality will be advanced and links it '
                    "to SDG 5.",
                },
                justification="Both elements are met in the new framework: Exceeds.",
            ),
            "1.3": Rated(
                "meets",
                inputs={"pct_indicators": 48.7},
                justification="38 of the 78 outcome indicators (49%) follow gender-equality "
                "results: 15 of 16 in area I (People), 15 of 29 in area II (Peace), 8 of 33 in "
                "area III (Prosperity and Planet). An indicator counts if it is "
                "sex-disaggregated or gender-specific, or its source is gender-specific "
                "(such as CEDAW reports).",
            ),
            "2.3": Rated(
                "approaches",
                answers={"approaches.a": MET, "approaches.b": MET, "meets.c": NOT},
                findings={
                    "approaches.a": "Results groups 1, 2 and 3 gathered data on the "
                    "gender-sensitive indicators as planned early in 2021.",
                    "approaches.b": "The socio-economic impact assessments of COVID-19 "
                    "(phases I and II) and a rapid gender assessment by UN Women and UNFPA "
                    "looked at gender-specific results.",
                },
                justification="No gender M&E training for the monitoring group yet.",
                editor="daniyar",
            ),
            "3.1": Rated(
                "exceeds",
                answers={"exceeds.a": MET, "exceeds.b": MET, "exceeds.c": MET},
                findings={
                    "exceeds.a": "Joint work with the Ministry of Labour and Social "
                    "Protection of the Population and the National Commission for Women "
                    "Affairs and Family-Demographic Policy; a regional consultation with the "
                    "Ombudsperson on national human rights institutions and women's rights "
                    "(December 2021).",
                    "exceeds.b": "The National Commission took part in every stage of the "
                    "UNSDCF's development.",
                    "exceeds.c": "The second phase of the socio-economic impact assessment of "
                    "COVID-19 (2021) gave the Government recommendations for recovery that "
                    "take gender into account.",
                },
                justification="All three criteria are met: Exceeds.",
            ),
            "4.1": Rated(
                "meets",
                answers={"meets.a": MET, "meets.b": MET, "meets.c": UNKNOWN, "meets.d": MET},
                findings={
                    "meets.a": "A gender-equality update has been a required item of every "
                    "monthly UNCT meeting since 2016.",
                    "meets.b": "The Resident Coordinator champions gender equality in public, "
                    "in the Spotlight programme, the 16 Days campaign and the extended GTG.",
                    "meets.d": "The 2021 RC and UNCT performance plan has a gender section "
                    "with six indicators.",
                },
                justification="Three of the four criteria are met; the personnel's view of "
                "the heads of agency was not surveyed.",
            ),
        },
    ),
)

# A year still being written: two indicators reassessed so far, the rest carried from 2022.
KAZ_2023_DRAFT = Year(
    year=2023,
    kind="annual",
    cycle=UNSDCF,
    process=(
        "The team began the 2023 update in the autumn. Two indicators are reassessed so far; "
        "at least three more will follow before the coordinator submits the report."
    ),
    team=KAZ_TEAM_2022[:4],
    ratings={
        "1.1": Rated(
            "meets",
            answers={
                "approaches.a": MET,
                "approaches.b": MET,
                "meets.a": MET,
                "meets.b": MET,
                "exceeds.c": NOT,
            },
            findings={
                "approaches.a": "The 2023 update of the country analysis reviews gender in "
                "each of its chapters.",
                "approaches.b": "Each chapter draws on figures broken down by sex from the "
                "national statistics office.",
                "meets.a": "Every sector chapter now has a section on the causes of the gaps "
                "it finds, tied to the national SDG targets and to SDG 5.",
                "meets.b": "Figures by sex are used from the first chapter to the last, "
                "including for the economy and the environment chapters.",
            },
            justification="The update closes the gap the 2022 action plan named: gender "
            "analysis in all sectors, with data by sex throughout.",
            editor="daniyar",
        ),
        "4.3": Rated(
            "approaches",
            answers={"approaches.a": MET, "exceeds.c": UNKNOWN},
            inputs={"pct_women": 58.0},
            findings={
                "approaches.a": "The operations management team now counts women and men "
                "by grade every quarter, for General Service and professional staff.",
            },
            justification="Parity is monitored, but women are 58% of personnel, outside "
            "the 47–53% band.",
            editor="daniyar",
        ),
    },
)

# --- Fictional country teams ---------------------------------------------------------------
# Ratings: 15 letters in indicator order for a comprehensive year (X missing, A approaches,
# M meets, E exceeds; spaces between dimensions are ignored), or "code:letter" changes for
# an annual year. Status of each year: published unless said otherwise.


@dataclass(frozen=True)
class TeamYear:
    year: int
    ratings: str
    status: str = "published"


@dataclass(frozen=True)
class Team:
    country: str
    code: str  # user-assigned ISO 3166 alpha-3 (X..): fictional
    region: str
    coordinator: str
    members: tuple[tuple[str, str, str], ...]
    cycle: tuple[str, int, int]
    years: tuple[TeamYear, ...]
    good_practice: tuple[tuple[int, str, str], ...] = ()  # year, indicator, title


TEAMS = (
    Team(
        "Isla Verde",
        "XIV",
        "Americas and the Caribbean",
        "Marisol Quintero",
        (
            ("Marisol Quintero", "UN RCO", "Development Coordination Officer"),
            ("Andrés Lebrón", "UN Women", "Gender Specialist"),
            ("Keisha Baptiste", "UNFPA", "Programme Analyst"),
            ("Tomás Rivera", "UNDP", "Monitoring Officer"),
        ),
        ("UNSDCF 2020–2024", 2020, 2024),
        (
            TeamYear(2020, "AAA AAX MA AMA XA X A"),
            TeamYear(2021, "2.3:A 4.3:A 5.1:A 6.1:A 7.1:A 2.1:M"),
            TeamYear(2022, "1.1:M 2.2:M 5.1:M 5.2:M 6.1:A"),
            TeamYear(2023, "3.1:E 3.2:M 4.1:E 6.1:M 7.1:M"),
            TeamYear(2024, "2.2:E 2.3:M 4.3:M 5.2:E 6.1:E", status="approved"),
        ),
        ((2024, "6.1", "Gender-marker tracking of the joint work plan, quarter by quarter"),),
    ),
    Team(
        "Monteclaro",
        "XMC",
        "Americas and the Caribbean",
        "Felipe Arancibia",
        (
            ("Felipe Arancibia", "UN RCO", "Head of Office"),
            ("Renata Solís", "UNICEF", "Gender Focal Point"),
            ("Gabriela Mora", "ILO", "Programme Officer"),
        ),
        ("UNSDCF 2021–2025", 2021, 2025),
        (
            TeamYear(2021, "MMM MMA ME MMA MM A M"),
            TeamYear(2022, "4.1:A 4.3:X 5.1:A 5.2:A 6.1:X"),
            TeamYear(2023, "2.2:A 3.2:A 5.1:X 7.1:A 2.3:X", status="returned"),
        ),
    ),
    Team(
        "Kalundi",
        "XKL",
        "Africa",
        "Amani Mwakasege",
        (
            ("Amani Mwakasege", "UN Women", "Country Programme Manager"),
            ("Joseph Okello", "UNDP", "Gender Analyst"),
            ("Fatoumata Diarra", "WFP", "Programme Policy Officer"),
            ("Grace Nyambura", "UN RCO", "Data Management Officer"),
        ),
        ("UNSDCF 2019–2023", 2019, 2023),
        (
            TeamYear(2019, "XAX AXX AA AXX XX X X"),
            TeamYear(2020, "1.3:A 2.2:A 5.1:A 5.2:A 7.1:A"),
            TeamYear(2021, "2.1:M 2.3:A 3.2:M 4.1:M 6.1:A"),
            TeamYear(2022, "1.1:M 2.2:M 5.1:M 5.2:M 4.3:A"),
            TeamYear(2023, "3.1:M 4.2:M 5.1:E 6.1:M 7.1:M"),
        ),
        ((2023, "5.1", "Gender Theme Group terms of reference co-chaired by two heads of agency"),),
    ),
    Team(
        "Namoro",
        "XNM",
        "Africa",
        "Ibrahim Sesay",
        (
            ("Ibrahim Sesay", "UN RCO", "Partnerships Officer"),
            ("Aminata Kamara", "UNFPA", "Gender Programme Specialist"),
            ("Chiamaka Obi", "UNICEF", "Social Policy Officer"),
        ),
        ("UNSDCF 2021–2025", 2021, 2025),
        (
            TeamYear(2021, "AMA MAA MA MAA AA X A"),
            TeamYear(2022, "1.3:M 2.3:M 5.2:M 6.1:A 7.1:M"),
            TeamYear(2023, "2.2:M 3.2:M 4.1:A 5.1:X 6.1:X"),
            TeamYear(2024, "4.1:M 5.1:A 6.1:A 2.1:E 4.3:M", status="under_review"),
        ),
    ),
    Team(
        "Qadira",
        "XQD",
        "Arab States",
        "Layla Haddad",
        (
            ("Layla Haddad", "UN Women", "Programme Specialist"),
            ("Omar Nasser", "UNDP", "Governance Analyst"),
            ("Rania Khoury", "UNHCR", "Protection Officer"),
            ("Youssef Ait Ali", "UN RCO", "Economist"),
        ),
        ("UNSDCF 2020–2024", 2020, 2024),
        (
            TeamYear(2020, "MMA MMA MA MAX AA A A"),
            TeamYear(2021, "3.2:A 4.1:A 5.1:X 5.2:X 7.1:X"),
            TeamYear(2022, "3.2:M 4.1:M 5.1:A 5.2:A 7.1:A"),
            TeamYear(2023, "3.2:E 5.1:M 5.2:M 6.1:M 7.1:M"),
        ),
        ((2023, "3.2", "Quarterly dialogue between the UNCT and women's rights organisations"),),
    ),
    Team(
        "Lumeria",
        "XLM",
        "Asia and the Pacific",
        "Mei Ling Tan",
        (
            ("Mei Ling Tan", "UN RCO", "Strategic Planner"),
            ("Arjun Perera", "UNDP", "Gender Specialist"),
            ("Siosaia Fifita", "UNICEF", "Communication Officer"),
        ),
        ("UNSDCF 2021–2025", 2021, 2025),
        (
            TeamYear(2021, "AAA AAA AA AMA AA X A"),
            TeamYear(2022, "2.2:M 3.1:M 3.2:M 5.2:M 6.1:A"),
            TeamYear(2023, "2.1:M 2.3:M 4.1:M 5.1:M 7.1:M"),
            TeamYear(2024, "2.2:E 4.2:E 5.2:E 6.1:M 1.1:M"),
        ),
        ((2024, "2.2", "Joint campaign with women's cricket clubs on violence against women"),),
    ),
    Team(
        "Karsova",
        "XKR",
        "Europe and Central Asia",
        "Elena Dragan",
        (
            ("Elena Dragan", "UN Women", "Gender Coordination Specialist"),
            ("Mihai Popescu", "UNDP", "Programme Analyst"),
            ("Ana Kovač", "IOM", "Project Officer"),
        ),
        ("UNSDCF 2020–2025", 2020, 2025),
        (
            TeamYear(2020, "MMM MMA MM MMA MA A M"),
            TeamYear(2021, "2.2:E 2.3:M 5.1:A 6.1:M 4.3:M"),
            TeamYear(2022, "4.2:A 5.1:M 5.2:A 6.1:A 7.1:A"),
        ),
    ),
)

LETTERS = {"X": "missing", "A": "approaches", "M": "meets", "E": "exceeds"}

# One action per indicator, used for the fictional teams' action plans.
ACTION_TEXTS = {
    "1.1": "Bring gender analysis and sex-disaggregated data into every sector of the next "
    "CCA update.",
    "1.2": "Check each Cooperation Framework outcome for gender language and SDG 5 targets.",
    "1.3": "Raise the share of gender-sensitive indicators in the results framework.",
    "2.1": "Add a gender checklist to the review of every joint programme proposal.",
    "2.2": "Put gender actions carried by several agencies into the communication workplan.",
    "2.3": "Train the monitoring group on gender-sensitive monitoring and evaluation.",
    "3.1": "Involve the national women's machinery in every stage of the Cooperation Framework.",
    "3.2": "Hold regular consultations with women's rights organisations.",
    "4.1": "Keep gender equality a standing item of heads-of-agency meetings.",
    "4.2": "Run the personnel survey on the organisational culture for gender equality.",
    "4.3": "Set up UNCT-wide monitoring of gender parity in staffing.",
    "5.1": "Give the Gender Theme Group endorsed terms of reference and a head-of-agency chair.",
    "5.2": "Assess gender capacities and adopt an inter-agency learning plan.",
    "6.1": "Set a financial target for gender-equality allocations and track it with the "
    "gender marker.",
    "7.1": "Report on the gender-equality results of each outcome every year.",
}

FINDING_SENTENCES = (
    "Confirmed by the assessment team in the documents listed as evidence.",
    "Evidenced in the minutes and reports the team reviewed.",
    "Checked against the joint work plan and the results group reports.",
)

RETURN_COMMENT = (
    "PI 5.1 and PI 2.3 fall below their earlier ratings: please explain what changed, and "
    "attach the Gender Theme Group's terms of reference and the M&E group's workplan."
)

# --- Co-Meta network: collective-impact self-assessment ------------------------------------

COMETA_PROCESS = (
    "Self-assessment by the backbone with two implementing partners, in a half-day workshop. "
    "Each condition was discussed against the criteria, with the partners' own records as "
    "evidence."
)

COMETA_YEARS: tuple[tuple[int, str, str, dict[str, tuple[str, str]]], ...] = (
    (
        2024,
        "comprehensive",
        "submitted",
        {
            "1.1": (
                "emerging",
                "The shared goal is written down, but mentors and instructors in the centres "
                "describe it in different ways.",
            ),
            "1.2": (
                "emerging",
                "The backbone keeps in touch with every partner; partners rarely talk to one "
                "another directly.",
            ),
            "1.3": (
                "emerging",
                "The backbone follows enrolment and retention; there are no common metrics yet.",
            ),
            "1.4": (
                "established",
                "The backbone coordinates, explains the approach to new partners and follows "
                "up with each one.",
            ),
            "1.5": (
                "emerging",
                "Partners meet to see how they can support one another; there is no shared "
                "document of targets and activities yet.",
            ),
            "2.1": (
                "emerging",
                "Community needs were gauged with local social workers when the programme was "
                "designed.",
            ),
            "2.2": (
                "established",
                "Partners say they trust the backbone, and debriefing meetings let every "
                "partner speak.",
            ),
            "3.1": (
                "emerging",
                "New partners join through a set induction by the backbone.",
            ),
            "3.2": (
                "emerging",
                "Some partners train their mentors, for example on preventing violence; there "
                "is no shared baseline training.",
            ),
            "3.3": (
                "emerging",
                "Partners discuss the systemic barriers women meet; no activity on norms or "
                "policy yet.",
            ),
        },
    ),
    (
        2025,
        "annual",
        "draft",
        {
            "1.2": (
                "established",
                "Monthly meetings of all implementing partners started in 2025, alongside the "
                "backbone's regular calls.",
            ),
            "1.3": (
                "established",
                "The partners agreed a short list of common metrics and most report them every "
                "quarter; there is no central follow-up of women after the programme yet.",
            ),
            "2.1": (
                "established",
                "Participants are now consulted on course content, and the network has listed "
                "the groups of women it does not reach.",
            ),
            "3.1": (
                "established",
                "Shared teaching and data-recording tools let the network add a centre "
                "without losing quality.",
            ),
            "3.2": (
                "established",
                "A shared baseline training now exists and most facilitators have completed it.",
            ),
        },
    ),
)

COMETA_TEAM = (
    ("Lucía Demo", "Co-Meta Backbone, Jalisco", "Backbone lead"),
    ("Marta Demo", "Centro Comunitario Las Flores", "Data officer"),
    ("Rosa Elena Ibarra", "Centro Comunitario El Mirador", "Centre coordinator"),
)

COMETA_GOOD_PRACTICE = (
    2025,
    "3.2",
    "Baseline training for mentors and facilitators: programme model, gender perspective and "
    "unconscious bias",
)
