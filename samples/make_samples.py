#!/usr/bin/env python3
"""Regenerates the sample submissions under samples/course/ deterministically.

Run from anywhere:  python3 samples/make_samples.py

Writes, for the two written assessments of the sample course:
  assessments/hs-process-evaluation/submissions/<candidate_id>/<file>.docx (and one essay.md)
  assessments/hit-briefing-paper/submissions/moodle-download.zip  (a Moodle "Download all
      submissions" archive holding one DOCX per candidate)
and for the three assessment kinds of issue 3:
  assessments/msc-dissertation/submissions/<candidate_id>/<file>.docx   (MSc dissertations)
  assessments/ltc-group-presentation/submissions/<candidate_id>/<file>.pptx  (one deck a group)
  assessments/ltc-reflective-journal/submissions/<candidate_id>/<file>.docx  (dated journals)
The issue 3 files draw on their own random streams, so adding them left the files of the two
written assessments byte for byte as they were.

Only the standard library is used. Every zip entry has the fixed timestamp 2000-01-01 00:00,
entries are written in a fixed order and compressed with ZIP_DEFLATED, and all text comes
from the banks below through random.Random seeded with fixed strings, so two runs give
byte-identical files.

For every document the script prints its intended *body* word count: the words of the
headings, paragraphs and list items of the body, leaving out the title, tables, captions,
footnotes, headers, footers and the reference list (the References heading included). A
word is a whitespace-separated token holding at least one letter or digit. For the issue 3
files it also prints what the dissertation, presentation and journal processors should find
(abstract words, references, citations and mismatches; slides, words per slide, notes words;
entries, words per entry, gaps), and stops with an error when a figure leaves its band.
"""

import csv
import io
import os
import random
import re
import sys
import textwrap
import xml.dom.minidom
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
COURSE = os.path.join(HERE, "course")
FIXED_TIME = (2000, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------------------------------
# References (Harvard style). *...* marks italics. Keys are used in the sentence banks as
# {c:key} for a parenthetical citation "(Moore et al., 2015)" or {n:key} for a narrative
# one "Moore et al. (2015)"; {c:a;b} cites two works at once.
# ---------------------------------------------------------------------------------------

REFS = {
    "moore2015": ("Moore et al.", "2015",
        "Moore, G.F., Audrey, S., Barker, M., Bond, L., Bonell, C., Hardeman, W., Moore, L., "
        "O'Cathain, A., Tinati, T., Wight, D. and Baird, J. (2015) 'Process evaluation of complex "
        "interventions: Medical Research Council guidance', *BMJ*, 350, h1258."),
    "skivington2021": ("Skivington et al.", "2021",
        "Skivington, K., Matthews, L., Simpson, S.A., Craig, P., Baird, J., Blazeby, J.M., et al. "
        "(2021) 'A new framework for developing and evaluating complex interventions: update of "
        "Medical Research Council guidance', *BMJ*, 374, n2061."),
    "greenhalgh2017": ("Greenhalgh et al.", "2017",
        "Greenhalgh, T., Wherton, J., Papoutsi, C., Lynch, J., Hughes, G., A'Court, C., Hinder, S., "
        "Fahy, N., Procter, R. and Shaw, S. (2017) 'Beyond adoption: a new framework for theorizing "
        "and evaluating nonadoption, abandonment, and challenges to the scale-up, spread, and "
        "sustainability of health and care technologies', *Journal of Medical Internet Research*, "
        "19(11), e367."),
    "greenhalgh2018": ("Greenhalgh and Papoutsi", "2018",
        "Greenhalgh, T. and Papoutsi, C. (2018) 'Studying complexity in health services research: "
        "desperately seeking an overdue paradigm shift', *BMC Medicine*, 16, 95."),
    "greenhalgh2004": ("Greenhalgh et al.", "2004",
        "Greenhalgh, T., Robert, G., Macfarlane, F., Bate, P. and Kyriakidou, O. (2004) 'Diffusion "
        "of innovations in service organizations: systematic review and recommendations', *The "
        "Milbank Quarterly*, 82(4), pp. 581–629."),
    "glasgow1999": ("Glasgow, Vogt and Boles", "1999",
        "Glasgow, R.E., Vogt, T.M. and Boles, S.M. (1999) 'Evaluating the public health impact of "
        "health promotion interventions: the RE-AIM framework', *American Journal of Public "
        "Health*, 89(9), pp. 1322–1327."),
    "damschroder2009": ("Damschroder et al.", "2009",
        "Damschroder, L.J., Aron, D.C., Keith, R.E., Kirsh, S.R., Alexander, J.A. and Lowery, J.C. "
        "(2009) 'Fostering implementation of health services research findings into practice: a "
        "consolidated framework for advancing implementation science', *Implementation Science*, "
        "4, 50."),
    "proctor2011": ("Proctor et al.", "2011",
        "Proctor, E., Silmere, H., Raghavan, R., Hovmand, P., Aarons, G., Bunger, A., Griffey, R. "
        "and Hensley, M. (2011) 'Outcomes for implementation research: conceptual distinctions, "
        "measurement challenges, and research agenda', *Administration and Policy in Mental Health "
        "and Mental Health Services Research*, 38(2), pp. 65–76."),
    "braun2006": ("Braun and Clarke", "2006",
        "Braun, V. and Clarke, V. (2006) 'Using thematic analysis in psychology', *Qualitative "
        "Research in Psychology*, 3(2), pp. 77–101."),
    "may2009": ("May and Finch", "2009",
        "May, C. and Finch, T. (2009) 'Implementing, embedding, and integrating practices: an "
        "outline of normalization process theory', *Sociology*, 43(3), pp. 535–554."),
    "pawson1997": ("Pawson and Tilley", "1997",
        "Pawson, R. and Tilley, N. (1997) *Realistic Evaluation*. London: Sage."),
    "ross2016": ("Ross et al.", "2016",
        "Ross, J., Stevenson, F., Lau, R. and Murray, E. (2016) 'Factors that influence the "
        "implementation of e-health: a systematic review of systematic reviews (an update)', "
        "*Implementation Science*, 11, 146."),
    "cresswell2013": ("Cresswell and Sheikh", "2013",
        "Cresswell, K. and Sheikh, A. (2013) 'Organizational issues in the implementation and "
        "adoption of health information technology innovations: an interpretative review', "
        "*International Journal of Medical Informatics*, 82(5), pp. e73–e86."),
    "carroll2007": ("Carroll et al.", "2007",
        "Carroll, C., Patterson, M., Wood, S., Booth, A., Rick, J. and Balain, S. (2007) 'A "
        "conceptual framework for implementation fidelity', *Implementation Science*, 2, 40."),
    "murray2016": ("Murray et al.", "2016",
        "Murray, E., Hekler, E.B., Andersson, G., Collins, L.M., Doherty, A., Hollis, C., Rivera, "
        "D.E., West, R. and Wyatt, J.C. (2016) 'Evaluating digital health interventions: key "
        "questions and approaches', *American Journal of Preventive Medicine*, 51(5), pp. 843–851."),
    "who2016": ("World Health Organization", "2016",
        "World Health Organization (2016) *Monitoring and evaluating digital health interventions: "
        "a practical guide to conducting research and assessment*. Geneva: World Health "
        "Organization."),
    "kidholm2012": ("Kidholm et al.", "2012",
        "Kidholm, K., Ekeland, A.G., Jensen, L.K., Rasmussen, J., Pedersen, C.D., Bowes, A., "
        "Flottorp, S.A. and Bech, M. (2012) 'A model for assessment of telemedicine applications: "
        "MAST', *International Journal of Technology Assessment in Health Care*, 28(1), pp. 44–51."),
    "nice2019": ("National Institute for Health and Care Excellence", "2019",
        "National Institute for Health and Care Excellence (2019) *Evidence standards framework "
        "for digital health technologies*. London: NICE."),
    "hoffmann2014": ("Hoffmann et al.", "2014",
        "Hoffmann, T.C., Glasziou, P.P., Boutron, I., Milne, R., Perera, R., Moher, D., et al. "
        "(2014) 'Better reporting of interventions: template for intervention description and "
        "replication (TIDieR) checklist and guide', *BMJ*, 348, g1687."),
    # Health information systems and interoperability
    "benson2021": ("Benson and Grieve", "2021",
        "Benson, T. and Grieve, G. (2021) *Principles of Health Interoperability: FHIR, HL7 and "
        "SNOMED CT*. 4th edn. Cham: Springer."),
    "lehne2019": ("Lehne et al.", "2019",
        "Lehne, M., Sass, J., Essenwanger, A., Schepers, J. and Thun, S. (2019) 'Why digital "
        "medicine depends on interoperability', *npj Digital Medicine*, 2, 79."),
    "mandel2016": ("Mandel et al.", "2016",
        "Mandel, J.C., Kreda, D.A., Mandl, K.D., Kohane, I.S. and Ramoni, R.B. (2016) 'SMART on "
        "FHIR: a standards-based, interoperable apps platform for electronic health records', "
        "*Journal of the American Medical Informatics Association*, 23(5), pp. 899–908."),
    "bender2013": ("Bender and Sartipi", "2013",
        "Bender, D. and Sartipi, K. (2013) 'HL7 FHIR: an agile and RESTful approach to healthcare "
        "information exchange', in *Proceedings of the 26th IEEE International Symposium on "
        "Computer-Based Medical Systems*. Porto: IEEE, pp. 326–331."),
    "vest2010": ("Vest and Gamm", "2010",
        "Vest, J.R. and Gamm, L.D. (2010) 'Health information exchange: persistent challenges and "
        "new strategies', *Journal of the American Medical Informatics Association*, 17(3), "
        "pp. 288–294."),
    "sheikh2011": ("Sheikh et al.", "2011",
        "Sheikh, A., Cornford, T., Barber, N., Avery, A., Takian, A., Lichtner, V., et al. (2011) "
        "'Implementation and adoption of nationwide electronic health records in secondary care in "
        "England: final qualitative results from prospective national evaluation in \"early "
        "adopter\" hospitals', *BMJ*, 343, d6054."),
    "wachter2016": ("Wachter", "2016",
        "Wachter, R.M. (2016) *Making IT Work: Harnessing the Power of Health Information "
        "Technology to Improve Care in England*. London: Department of Health."),
    "caldicott2013": ("Caldicott", "2013",
        "Caldicott, F. (2013) *Information: To Share or Not to Share? The Information Governance "
        "Review*. London: Department of Health."),
    "who2021": ("World Health Organization", "2021",
        "World Health Organization (2021) *Global strategy on digital health 2020–2025*. Geneva: "
        "World Health Organization."),
    "dhsc2022": ("Department of Health and Social Care", "2022",
        "Department of Health and Social Care (2022) *A plan for digital health and social care*. "
        "London: DHSC."),
    "sittig2010": ("Sittig and Singh", "2010",
        "Sittig, D.F. and Singh, H. (2010) 'A new sociotechnical model for studying health "
        "information technology in complex adaptive healthcare systems', *Quality and Safety in "
        "Health Care*, 19(Suppl 3), pp. i68–i74."),
    "adlermilstein2017": ("Adler-Milstein and Pfeifer", "2017",
        "Adler-Milstein, J. and Pfeifer, E. (2017) 'Information blocking: is it occurring and what "
        "policy strategies can address it?', *The Milbank Quarterly*, 95(1), pp. 117–135."),
    "eu2019": ("European Commission", "2019",
        "European Commission (2019) 'Commission Recommendation (EU) 2019/243 of 6 February 2019 on "
        "a European Electronic Health Record exchange format', *Official Journal of the European "
        "Union*, L 39, pp. 18–27."),
    "ayaz2021": ("Ayaz et al.", "2021",
        "Ayaz, M., Pasha, M.F., Alzahrani, M.Y., Budiarto, R. and Stiawan, D. (2021) 'The Fast "
        "Health Interoperability Resources (FHIR) standard: systematic literature review of "
        "implementations, applications, challenges and opportunities', *JMIR Medical Informatics*, "
        "9(7), e21929."),
    "coiera2015": ("Coiera", "2015",
        "Coiera, E. (2015) *Guide to Health Informatics*. 3rd edn. Boca Raton: CRC Press."),
    "warren2019": ("Warren et al.", "2019",
        "Warren, L.R., Clarke, J., Arora, S. and Darzi, A. (2019) 'Improving data sharing between "
        "acute hospitals in England: an overview of health record system distribution and "
        "retrospective observational analysis of inter-hospital transitions of care', *BMJ Open*, "
        "9(12), e031637."),
    "kalra2006": ("Kalra", "2006",
        "Kalra, D. (2006) 'Electronic health record standards', *Yearbook of Medical Informatics*, "
        "15(1), pp. 136–144."),
}

HS_EXTRA_REFS = ["murray2016", "who2016", "hoffmann2014", "greenhalgh2004", "kidholm2012",
                 "proctor2011", "pawson1997", "ross2016", "damschroder2009", "greenhalgh2018"]
HIT_EXTRA_REFS = ["coiera2015", "warren2019", "kalra2006", "sittig2010", "who2021", "ayaz2021",
                  "eu2019", "vest2010", "greenhalgh2017"]

# ---------------------------------------------------------------------------------------
# Sentence banks. A bank entry is a sentence, or a tuple of sentences kept together.
# Placeholders: {service} {short} {setting} {users} {staff} {tech} {launch} {months} and
# numbers for the process evaluation; {record} {region} {orgs} {audience} {n_views} for the
# briefing paper. A capitalised placeholder ({Service}) capitalises the value's first letter.
# ---------------------------------------------------------------------------------------

HS_BANK = {
    "intro": [
        "Digital health services are now a routine part of how care is organised, yet evidence about how they work in practice lags well behind the enthusiasm with which they are commissioned {c:murray2016}.",
        "This essay presents a process evaluation of {service}, introduced in {setting} in {launch}.",
        ("A process evaluation asks not only whether an intervention works but how it was delivered, to whom, and through which mechanisms it produced its effects {c:moore2015}.",
         "Such questions matter particularly for digital services, where the technology is only one component of a wider change to roles, routines and relationships {c:greenhalgh2017}."),
        "The service was chosen because it has been promoted locally as a model for other areas, but its routine data suggest that uptake has been uneven.",
        "As a manager with responsibility for part of the pathway, I have a direct interest in understanding why some teams have embedded the service while others have not.",
        "Evaluations of digital health have often focused on technical performance or short-term outcomes, leaving commissioners with little understanding of why similar services succeed in one place and fail in another {c:ross2016}.",
        "The evaluation draws on the updated Medical Research Council framework, which treats complex interventions as events in systems rather than as fixed packages {c:skivington2021}.",
        "The aim of this work is practical as much as academic: to produce findings that the organisation can act on within the next planning cycle.",
        "Throughout, the term 'users' refers to {users}, and 'staff' to the {staff} who deliver the service.",
        "There is considerable international interest in services of this kind, and the lessons from this evaluation are likely to be relevant beyond the local system.",
        ("The essay first describes the service and its context, then justifies the choice of evaluation framework and outlines the methods.",
         "It then presents and discusses the main findings, before closing with recommendations for the programme board and reflections on leading digital change."),
    ],
    "context": [
        "{Service} was commissioned to {aim}.",
        "It is delivered by a small core team, supported by {staff} in each participating site, and relies on {tech} to collect and share information.",
        "At the time of the evaluation the service operated across {n_sites} sites and had enrolled {n_enrolled} users since it began.",
        "The business case anticipated that most users would continue to engage with the service for at least six months, although no formal target for retention was set.",
        "Local circumstances are important: the area includes pockets of significant deprivation and communities with limited connectivity, both of which shape digital access.",
        ("National and international policy has strongly encouraged services of this kind, framing digital delivery as a route to greater productivity and better access {c:who2016}.",
         "However, policy documents tend to describe digital services as if they were self-contained products, whereas in practice they depend on existing clinical pathways and information systems."),
        ("The service was procured through a regional framework, and the supplier retains responsibility for the platform, hosting and first-line technical support.",
         "Clinical responsibility sits with the provider organisation, which created some ambiguity about who should resolve problems that were partly technical and partly clinical."),
        "Staff training consisted of a half-day workshop followed by access to online materials, with a named digital champion in each site.",
        ("Before launch, the project team developed a logic model linking the service's activities to its intended short-term and longer-term outcomes.",
         "That logic model assumed that {users} would be willing and able to use {tech} with minimal support, an assumption that the evaluation set out to test."),
        "Funding was initially provided for two years from a national transformation fund, so decisions about recurrent funding are imminent.",
        "Several neighbouring areas have introduced similar services, but with different staffing models and different levels of integration with primary care records.",
        ("The intervention can be described using the TIDieR checklist, which separates what is delivered, by whom, how, where and how often {c:hoffmann2014}.",
         "Describing the intervention in this way revealed that the service was in fact delivered somewhat differently in each site, a point returned to in the findings."),
        ("The pathway into the service begins with identification of eligible users, followed by enrolment, issue of equipment or log-in details, and a short period of supported use.",
         "Thereafter, information submitted through {tech} is reviewed by the team, who contact users when readings or responses fall outside agreed thresholds."),
        "Users are discharged when their condition has stabilised or when they choose to leave, and a summary is sent to their general practitioner.",
    ],
    "framework": [
        "Several frameworks are available for evaluating digital health services, and the choice between them shapes what an evaluation is able to see.",
        ("The MRC guidance on process evaluation identifies three core functions: understanding implementation, identifying mechanisms of impact and describing how context affects both {c:moore2015}.",
         "These functions provide the overall structure for this evaluation, but on their own they offer limited guidance on the specific features of technology-enabled services."),
        ("The NASSS framework was therefore used alongside the MRC guidance, because it was designed to explain non-adoption, abandonment and difficulties with the scale-up and spread of health technologies {c:greenhalgh2017}.",
         "NASSS considers the condition, the technology, the value proposition, the adopter system, the organisation and the wider system, together with how these domains interact and change over time.",
         "Its emphasis on complexity is helpful, since the service touches several organisations and professional groups with different priorities {c:greenhalgh2018}."),
        ("RE-AIM was considered as an alternative, as it offers clear dimensions of reach, effectiveness, adoption, implementation and maintenance that map well onto routine data {c:glasgow1999}.",
         "However, RE-AIM is primarily descriptive and says less about why implementation varies, which was the central question for the organisation."),
        "The Consolidated Framework for Implementation Research was also reviewed; although comprehensive, its large number of constructs risked producing a long list of barriers rather than an explanation {c:damschroder2009}.",
        "Normalisation process theory offered a useful lens on how new practices become embedded in everyday work, and some of its concepts informed the interview topic guide {c:may2009}.",
        "A realist perspective, which asks what works for whom in what circumstances, also influenced the analysis of mechanisms {c:pawson1997}.",
        "Implementation outcomes were defined using the taxonomy proposed by {n:proctor2011}, including acceptability, adoption, fidelity, penetration and sustainability.",
        "Fidelity was assessed using the conceptual framework of {n:carroll2007}, which distinguishes adherence to the intended content from moderating factors such as participant responsiveness.",
        "Combining frameworks in this way carries a risk of eclecticism, so each was used for a specific purpose rather than applied in full.",
        "The logic model developed before launch was revised in the light of these frameworks to make its assumptions about mechanisms explicit.",
        "The Model for Assessment of Telemedicine Applications was considered but rejected, as its emphasis on outcomes and costs was better suited to a later summative evaluation {c:kidholm2012}.",
        "Frameworks are tools for thinking rather than recipes, and their value lies in the questions they prompt rather than in the completeness with which they are applied.",
    ],
    "methods": [
        "The evaluation used a mixed-methods design, combining analysis of routine service data with qualitative interviews and observation.",
        "Routine data covered the first {months} months of operation and included referrals, enrolments, patterns of use of {tech} and discharges from the service.",
        "Semi-structured interviews were carried out with {n_staff_int} members of staff, including {staff}, managers and members of the core team.",
        "A further {n_user_int} interviews were held with {users}, recruited purposively to include people who had stopped using the service as well as regular users.",
        "Interviews lasted between 30 and 60 minutes, were held online or by telephone according to preference, and were audio-recorded with consent.",
        "Non-participant observation of two multidisciplinary team meetings helped to show how information from {tech} was discussed and acted upon.",
        "Documents such as the business case, standard operating procedures and programme board minutes were reviewed to reconstruct the intended model of delivery.",
        "Quantitative data were analysed descriptively, with uptake and retention compared between sites and between demographic groups where numbers allowed.",
        ("Qualitative data were analysed thematically, following the six phases described by {n:braun2006}, with an initial coding frame derived from the NASSS domains.",
         "Codes that did not fit the framework were retained and developed inductively, so that the analysis was not constrained by the initial theory."),
        "A second member of the team independently coded a sample of transcripts, and differences were discussed until agreement was reached.",
        ("The evaluation was classified as service evaluation under local governance arrangements, so research ethics committee approval was not required.",
         "Nevertheless, participants received written information, gave consent, and were assured that their views would be reported anonymously."),
        "Because I manage some of the staff who were interviewed, interviews with that team were conducted by a colleague to reduce the risk of socially desirable answers.",
        "Routine data quality was variable, with ethnicity missing for around a fifth of users, which limited the analysis of inequalities.",
        "Findings from each data source were brought together in a joint display, allowing patterns in the numbers to be explained by the interviews and vice versa.",
        "Emerging findings were checked by presenting them to a staff workshop and to a patient reference group, whose comments refined the interpretation.",
        "The topic guides were piloted with two members of staff and one user, leading to minor changes in wording and order.",
    ],
    "findings": [
        "This section presents the findings under the headings of the MRC guidance: reach and implementation, mechanisms of impact, and context.",
    ],
    "reach": [
        "By the end of the evaluation period {n_enrolled} users had been enrolled, representing roughly {pct_reach}% of those estimated to be eligible.",
        "Uptake was markedly higher in the two sites where a named clinician actively identified eligible users during routine contacts.",
        "{Underserved} were under-represented relative to the eligible population.",
        ("Around {pct_active}% of users were still actively using {tech} three months after enrolment, with most disengagement occurring in the first four weeks.",
         "Interviews suggested that early disengagement was often linked to practical difficulties, such as connectivity problems or uncertainty about what to submit."),
        "Some users described stopping because they felt well and saw little value in continuing, which is not necessarily a failure of the service.",
        "Staff were sometimes unaware that users had stopped engaging, because alerts were generated by abnormal responses rather than by missing ones.",
        "Self-referral accounted for only a small proportion of enrolments, despite being promoted in the original model.",
        "The pattern of reach suggests that the service is currently benefiting those who are already more digitally confident, with a real risk of widening inequalities.",
        "Where interpreters or family members were involved in enrolment, retention was comparable with other groups, suggesting that additional support can mitigate some barriers.",
    ],
    "fidelity": [
        "Core components of the service were delivered in all sites, but the frequency of clinical review of submitted data varied considerably.",
        ("In one site, information was reviewed daily by a dedicated nurse, while in another it was reviewed only when an alert was generated.",
         "These differences reflected staffing levels and local priorities rather than deliberate decisions about the model."),
        ("Several adaptations were made in response to local circumstances, such as offering a telephone alternative for users who could not use {tech}.",
         "Following {n:moore2015}, these adaptations were treated as potentially beneficial rather than simply as departures from fidelity."),
        "Staff valued the flexibility to tailor the service, but the lack of a shared record of adaptations made it difficult to learn from them systematically.",
        "The training model was delivered as planned, although staff who joined after launch often received only informal induction from colleagues.",
        "Digital champions were effective where they had protected time, but in busier sites the role existed largely on paper.",
        "Documentation of clinical decisions prompted by information from {tech} was inconsistent, which limited the ability to trace how data influenced care.",
        "Overall, fidelity to the function of the service was higher than fidelity to its form, a distinction that is arguably more meaningful for complex interventions {c:skivington2021}.",
    ],
    "mechanisms": [
        ("Users who continued with the service described feeling reassured that someone was keeping an eye on them, which some linked to greater confidence in managing at home.",
         "For others, submitting information became a burden, particularly when they received no feedback and were unsure whether anyone had looked at it.",
         "Feedback therefore appeared to be a key mechanism: where staff responded promptly, users reported greater trust and continued engagement."),
        "Staff described the service as changing the timing of their work, allowing earlier intervention but also creating new and sometimes unpredictable demands.",
        ("Several {staff} expressed concern about clinical responsibility for data received out of hours, which had not been fully addressed in the operating procedures.",
         "This uncertainty led some staff to adopt defensive practices, such as escalating minor abnormalities, which may have increased rather than reduced demand on other services."),
        "In the terms of normalisation process theory, staff had made sense of the service's purpose, but collective action was undermined by gaps in workflow and accountability {c:may2009}.",
        "The expected mechanism of greater self-management was evident for a minority of users, typically those who were already actively involved in their care.",
        "Family members and carers played an important and largely unrecognised role, often operating {tech} on behalf of users and interpreting advice from the team.",
    ],
    "context2": [
        "The wider organisational context had a strong influence on implementation.",
        "The service was launched during a period of severe pressure on acute and community services, which limited the time staff could devote to learning new ways of working.",
        ("Interoperability was a persistent problem, as data from {tech} could not be viewed within the main clinical record and had to be accessed through a separate log-in.",
         "This duplication was frequently cited as a reason why some clinicians did not look at the data, echoing wider evidence on the organisational challenges of health information technology {c:cresswell2013}."),
        ("Leadership support was strong at launch but became less visible as attention shifted to other priorities, and several staff described the service as a project that had lost its sponsor.",
         "In contrast, the site with the highest uptake had a clinical lead who championed the service in team meetings and resolved problems quickly."),
        "Short-term funding shaped behaviour, with some managers reluctant to invest staff time in a service that might not continue.",
        "These findings are consistent with the NASSS proposition that difficulties multiply when complexity is present in several domains at once {c:greenhalgh2017}.",
        "The diffusion literature similarly emphasises that the readiness of an organisation for change, and not only the attributes of an innovation, determines whether it is adopted {c:greenhalgh2004}.",
    ],
    "discussion": [
        "The evaluation suggests that {short} can work well for some users, but that its benefits are unevenly distributed and depend heavily on local implementation.",
        "The most important finding is perhaps that the service's effects are produced less by the technology than by the human responses it makes possible.",
        ("Where staff had time, clear responsibilities and access to the data within their usual systems, the service functioned broadly as intended.",
         "Where these conditions were absent, the technology added work without delivering the expected benefits, a pattern widely reported in the literature {c:ross2016}."),
        "The findings also raise concerns about equity, since users who were poorer, less digitally confident or already less well served were less likely to be enrolled and more likely to disengage.",
        "Digital services are sometimes presented as a way of widening access, but without deliberate action they may reproduce or deepen existing inequalities {c:who2016}.",
        "From a leadership perspective, the evaluation highlights the importance of sustained sponsorship and of treating digital services as changes to care pathways rather than as IT projects.",
        ("The evaluation has several limitations.",
         "The sample of users interviewed was relatively small and, despite efforts to include people who had disengaged, is likely to over-represent those with positive experiences.",
         "Routine data were incomplete and could not be linked to outcomes such as hospital admissions, so the evaluation cannot comment on effectiveness.",
         "My own position within the organisation may have influenced both what participants were willing to say and how the data were interpreted, although steps were taken to reduce this.",
         "Despite these limitations, the combination of data sources allowed findings to be triangulated and gives some confidence in the main conclusions."),
        "The use of several frameworks provided a richer account than any one would have done alone, but it also made the analysis more time-consuming than anticipated.",
        "The findings fit the logic of the NICE evidence standards framework, which holds that the evidence required for a digital technology should be proportionate to its risk and to the claims made for it {c:nice2019}.",
        "Economic questions were beyond the scope of this evaluation, although a fuller assessment would need to consider costs alongside clinical and organisational outcomes {c:kidholm2012}.",
        "It is also worth noting that several of the problems identified, such as unclear responsibility for out-of-hours data, are organisational rather than technical and could be addressed relatively quickly.",
        "Comparable services elsewhere have reported similar patterns of early enthusiasm followed by uneven embedding, which suggests that the local experience is not unusual {c:greenhalgh2004}.",
    ],
    "recommendations": [
        "The findings lead to a number of practical recommendations for the programme board.",
        "These recommendations are deliberately modest, reflecting the limits of the evidence and the need to secure recurrent funding.",
        "Each has been discussed informally with the clinical leads, who considered them feasible within existing resources.",
        "Progress should be reviewed after six months using the same indicators as this evaluation.",
    ],
    "conclusion": [
        "This process evaluation has shown that {service} is valued by many of the staff and users involved, but that its implementation has been uneven.",
        "Differences in reach, fidelity and engagement can largely be explained by features of the organisational context rather than by the technology itself.",
        "Using the MRC guidance alongside NASSS made it possible to look beyond whether the service works and to understand the conditions under which it does.",
        ("The recommendations focus on integration with existing systems, clarity of responsibility, equity of access and sustained leadership.",
         "If they are acted upon, the service has a reasonable prospect of becoming an established part of the pathway rather than a time-limited pilot."),
        "More broadly, the evaluation illustrates that leading digital change in health systems is primarily a matter of managing people, processes and relationships.",
        "Future evaluation should link service data with outcomes such as admissions and should include the perspectives of people who declined to take part.",
    ],
}

HIT_BANK = {
    "purpose": [
        ("This paper briefs {audience} on the interoperability challenges facing {record} and sets out options for the next phase of its development.",
         "It is written for a non-technical audience and focuses on the decisions that leaders need to make rather than on the detail of technical standards."),
        ("{Record} was established to give clinicians and care professionals access to key information about the people they care for, wherever that information is held.",
         "After three years of operation, the record is widely used in some settings but remains peripheral in others, and the programme board has asked for advice on how to increase its value."),
        "Interoperability, the ability of different systems and organisations to exchange information and use it meaningfully, is central to that question {c:lehne2019}.",
        "The paper draws on published evidence, national policy and discussions with clinical, technical and information governance leads across {region}.",
        "It concludes with a set of recommendations for decision by the board.",
    ],
    "background": [
        "{Record} currently connects {orgs}.",
        "It presents a read-only view of information drawn from source systems, including demographics, medications, allergies, problems, recent encounters and test results.",
        "The record was developed as part of a national programme that encouraged regions to build shared care records as a foundation for integrated care {c:dhsc2022}.",
        "Usage data show around {n_views} record views per month, but more than two thirds of these come from emergency departments and out-of-hours services.",
        "Community, mental health and social care staff make comparatively little use of the record, even though they were expected to be among its main beneficiaries.",
        ("Several source systems are connected through bespoke interfaces built at different times by different suppliers.",
         "Each interface is expensive to maintain, and changes in source systems have caused periods of missing or delayed data."),
        "General practice data are supplied as a daily extract, so recent changes to medication may not be visible to other users for up to 24 hours.",
        "Social care data are limited to basic details of current care packages, and there is no data flow from the independent care home sector.",
        "Experience elsewhere shows that shared records deliver value only when they become part of everyday clinical workflow rather than an additional system to consult {c:sheikh2011}.",
        "Similar programmes internationally have found that sustained investment and governance matter at least as much as the choice of technology {c:vest2010}.",
        "The programme is overseen by a board drawn from partner organisations, with a small central team responsible for operations and supplier management.",
        "Patients moving between hospitals are common, and a substantial share of transfers cross organisational boundaries where records are held in different systems {c:warren2019}.",
    ],
    "challenge": [
        ("It is helpful to distinguish between technical, semantic and organisational levels of interoperability {c:benson2021}.",
         "Technical interoperability concerns the ability of systems to connect and exchange data, and is largely achieved for the organisations already connected.",
         "Semantic interoperability, which requires that the meaning of data is preserved between systems, is much weaker."),
        ("For example, diagnoses are recorded using SNOMED CT in general practice but in a mixture of ICD-10 and local free text in some hospital and community systems.",
         "Medication data are particularly problematic, because drug names, doses and frequencies are recorded in different formats and cannot be reliably reconciled.",
         "Clinicians therefore tend to treat the shared record as a prompt to ask further questions rather than as an authoritative source, which limits its impact."),
        "Organisational interoperability, which concerns the agreements, processes and trust that allow information to be shared and acted upon, is often the most difficult to achieve {c:lehne2019}.",
        "Staff in community and social care settings reported that they did not know what information was available or whether they were permitted to use it.",
        "Patient matching is a further problem, as a small but significant proportion of records cannot be matched to the correct NHS number, particularly for people who move frequently or are not registered with a GP.",
        ("The current architecture also allows information to flow in only one direction, so care professionals cannot contribute to the record or update it.",
         "This limits its usefulness for shared care planning, which is one of the main priorities of the integrated care strategy."),
        "Some of these difficulties reflect incentives as much as technology, since suppliers and organisations do not always benefit from making their data more accessible {c:adlermilstein2017}.",
        "Data quality problems in source systems are reproduced, and sometimes amplified, when information is brought together in a single view.",
        "Standards for the structure of electronic health records have existed for many years, but their uneven adoption explains much of the current fragmentation {c:kalra2006}.",
    ],
    "options": [
        "There is now a reasonably mature set of international standards that could support the next phase of the record.",
        "HL7 Fast Healthcare Interoperability Resources (FHIR) defines modular resources such as patients, medications and observations that can be exchanged through modern web interfaces {c:bender2013}.",
        "FHIR has been widely adopted internationally and underpins current national interoperability specifications, although implementations vary in maturity {c:ayaz2021}.",
        "The SMART on FHIR approach shows how applications can be launched from within an electronic health record and use standard interfaces to read and write data {c:mandel2016}.",
        "SNOMED CT provides a common clinical terminology, and the Dictionary of Medicines and Devices a standard for medicines, but both require investment in mapping and in the configuration of source systems.",
        ("Three broad architectural options are available to the region.",
         "The first is to continue with the current centralised repository, improving data feeds incrementally as source systems are upgraded.",
         "The second is to move towards a federated model, in which data remain in source systems and are retrieved in real time through standard FHIR interfaces when a record is viewed.",
         "The third is a hybrid model, retaining a central repository for some data while using real-time queries for information that changes frequently, such as medications and appointments."),
        "A centralised repository simplifies analytics and population health management but duplicates data and depends on timely feeds.",
        "A federated model ensures that users see the most current information but depends on the availability and performance of every source system.",
        "The hybrid option is more complex to govern, but offers a pragmatic route that can be adopted incrementally as source systems become capable.",
        ("Whichever option is chosen, the region will need to agree common profiles for the data it exchanges, rather than allowing each supplier to interpret the standards differently.",
         "International experience suggests that agreeing such profiles, and testing conformance against them, is a substantial piece of work in its own right {c:benson2021}."),
        "Open standards also reduce dependence on individual suppliers, making it easier to change systems in future without rebuilding every interface.",
        "The European Commission has recommended a common exchange format for patient summaries, laboratory results and discharge reports, which is a useful reference point even outside the EU {c:eu2019}.",
    ],
    "governance": [
        "Information governance is frequently cited as a barrier to sharing, but in many cases the real problem is uncertainty rather than prohibition.",
        "The Caldicott review emphasised that the duty to share information can be as important as the duty to protect patient confidentiality {c:caldicott2013}.",
        "For direct care, sharing between organisations is generally supported by implied consent, provided that patients are informed and their reasonable expectations are respected.",
        "Extending the record to social care and to secondary uses such as population health analytics would, however, require clearer data sharing agreements and transparent public communication.",
        ("Experience with national data programmes shows how quickly public trust can be damaged when people feel that their data are being used without their knowledge.",
         "The region should therefore invest in engagement with patients, carers and the public, including the groups least likely to trust statutory services."),
        "A single regional data sharing framework, agreed by all partners, would reduce the current duplication of effort in negotiating separate agreements.",
        "Role-based access controls should be reviewed so that staff see information relevant to their role, with audit trails that are actively monitored.",
        "Patients should be able to see who has accessed their record, which would strengthen transparency and may increase confidence in the programme.",
        "Cyber security must also be considered, since each new connection increases the potential attack surface of the regional system.",
    ],
    "leadership": [
        "Technical improvements will not on their own increase the value of the record.",
        "Adoption has been highest where clinical leaders have championed the record and where it has been integrated into the systems that staff already use.",
        "The NASSS framework highlights that non-adoption often results from complexity in the adopter system and the organisation, not only in the technology {c:greenhalgh2017}.",
        "Community and social care staff need training that is tailored to their work and explains what the record contains and how it can be used safely.",
        "Clinical safety officers should be involved early, since changes to how information is presented can introduce new risks.",
        "A sociotechnical view is helpful here, recognising that hardware, software, content, people, workflow, organisational policies and external rules all interact {c:sittig2010}.",
        ("The region also lacks sufficient informatics capacity to lead a programme of this scale, relying heavily on supplier staff and short-term contractors.",
         "The Wachter review argued that investment in the clinical informatics workforce is a precondition for successful digitisation {c:wachter2016}.",
         "Building this capacity would also help the region to act as an informed customer in its dealings with suppliers."),
        "Early and visible improvements for front-line staff, such as more current medication information, would help to build the momentum needed for larger changes.",
        "Organisations need to see clear benefits for their own staff and patients, not only for the system as a whole, if they are to commit scarce resources {c:cresswell2013}.",
    ],
    "recommendations": [
        ("The board is asked to agree the following recommendations.",
         "They are designed to be achievable within the current financial year while preparing for the longer-term move towards a federated or hybrid architecture."),
        "A short implementation plan with named owners and milestones should be brought back to the board within three months.",
    ],
    "conclusion": [
        "{Record} has made important progress, but its value is limited by weaknesses in semantic and organisational interoperability.",
        "Standards such as FHIR and SNOMED CT provide the technical foundations for improvement, but they will deliver benefits only if they are adopted consistently and supported by governance, workforce development and leadership.",
        "The recommended hybrid approach balances ambition with realism, allowing the region to improve the record incrementally.",
        "None of these changes will be quick, but a clear direction agreed now would allow partners to align their own investment plans.",
        "The board's support would signal that interoperability is a strategic priority rather than a technical afterthought.",
        "Progress should be measured not by the number of systems connected but by whether care professionals can find and trust the information they need {c:who2021}.",
    ],
}

# Lists: lead-in sentence, items. Recommendations are always present (so every essay has a
# bulleted list); the others appear in some essays only.
HS_LISTS = {
    "framework": ("The evaluation addressed four questions:", [
        "To what extent has the service reached the people it was designed for?",
        "How has the service been delivered in each site, and how has it been adapted?",
        "Through which mechanisms does the service appear to produce its effects?",
        "Which features of the context have helped or hindered implementation?",
    ]),
    "methods": ("The evaluation drew on four main sources of data:", [
        "routine service data on referrals, enrolments, use of {tech} and discharges;",
        "semi-structured interviews with staff and with {users};",
        "observation of multidisciplinary team meetings; and",
        "documents including the business case, operating procedures and board minutes.",
    ]),
    "recommendations": (None, [
        "Integrate information from {tech} into the main clinical record so that staff do not need a separate log-in.",
        "Introduce alerts for missing submissions as well as abnormal ones, with a clear protocol for follow-up.",
        "Provide protected time for digital champions and include the service in the induction of new staff.",
        "Offer supported enrolment, including interpreters and involvement of carers, for users at risk of exclusion.",
        "Record local adaptations in a shared log so that the programme can learn from them systematically.",
        "Clarify clinical responsibility for data received out of hours and reflect this in the operating procedures.",
        "Collect complete equality data at enrolment so that reach can be monitored by age, ethnicity and deprivation.",
        "Appoint a senior sponsor for the next phase with a clear mandate to resolve cross-organisational problems.",
    ]),
}

HIT_LISTS = {
    "options": ("The options were assessed against five criteria agreed with the technical design authority:", [
        "cost of implementation and ongoing support;",
        "time to deliver visible benefits to users;",
        "currency of the data presented;",
        "dependence on the capability of source systems; and",
        "complexity of information governance.",
    ]),
    "recommendations": (None, [
        "Adopt the hybrid architecture as the target model, with real-time FHIR access to medications and appointments as the first priority.",
        "Agree regional FHIR profiles aligned with national specifications, and require conformance in all future procurements.",
        "Fund a terminology mapping project to improve the consistency of diagnoses and medications across source systems.",
        "Establish a single regional data sharing framework and a programme of public engagement before extending the record to new uses.",
        "Invest in clinical informatics capacity, including a regional chief clinical information officer.",
        "Launch a targeted adoption programme for community, mental health and social care staff.",
    ]),
}

HS_FOOTNOTES = {
    "methods": ["Site names have been replaced with letters to protect the anonymity of the staff who took part.",
                "The local research and development office confirmed this classification in writing."],
    "reach": ["Eligibility was estimated from the registers of participating practices using the criteria in the service specification.",
              "Figures exclude users who were enrolled but never activated their account."],
    "context": ["The service specification is available on request from the commissioning team."],
}
HIT_FOOTNOTES = {
    "background": ["Figures are taken from the record's audit logs for the twelve months to December 2026."],
    "purpose": ["In this paper 'care professionals' includes registered social workers and care workers in commissioned services."],
    "options": ["A conformance test service is available from the national interoperability programme."],
}

# Section layouts: key, heading level, heading variants, weight (share of the words), anchors
# (bank indices always used when available).
HS_SECTIONS = [
    ("intro", 1, ["Introduction"], 0.09, [1]),
    ("context", 1, ["The service and its context", "Background and context", "Context of the service"], 0.13, [0]),
    ("framework", 1, ["Evaluation framework", "Choice of evaluation framework", "Theoretical framework"], 0.13, [1]),
    ("methods", 1, ["Methods", "Evaluation design and methods", "Methodology"], 0.12, [0]),
    ("findings", 1, ["Findings"], 0.01, [0]),
    ("reach", 2, ["Reach and uptake"], 0.08, [0]),
    ("fidelity", 2, ["Fidelity and adaptation", "Implementation: fidelity and adaptation"], 0.08, [0]),
    ("mechanisms", 2, ["Mechanisms of impact"], 0.08, [0]),
    ("context2", 2, ["The influence of context", "Context"], 0.08, [0]),
    ("discussion", 1, ["Discussion"], 0.13, [0]),
    ("recommendations", 1, ["Recommendations"], 0.03, [0]),
    ("conclusion", 1, ["Conclusion", "Conclusions"], 0.06, [0]),
]
HIT_SECTIONS = [
    ("purpose", 1, ["Purpose of this briefing", "Introduction", "Purpose"], 0.11, [0]),
    ("background", 1, ["Background"], 0.16, [0]),
    ("challenge", 1, ["The interoperability challenge", "Current interoperability challenges"], 0.18, [0]),
    ("options", 1, ["Standards and architecture options", "Options for the next phase"], 0.2, [5]),
    ("governance", 1, ["Information governance and public trust", "Information governance"], 0.12, [1]),
    ("leadership", 1, ["Leadership, workforce and adoption", "Workforce and adoption"], 0.12, [0]),
    ("recommendations", 1, ["Recommendations"], 0.03, [0]),
    ("conclusion", 1, ["Conclusion"], 0.06, [0]),
]

HS_SERVICES = [
    dict(service="a virtual ward for frail older people", aim="reduce avoidable hospital admissions and to support earlier discharge for frail older people",
         underserved="Patients over the age of 85 and those living alone", short="the virtual ward",
         setting="an integrated care system in the north west of England", users="older patients and their carers",
         staff="community nurses and geriatricians", tech="the remote monitoring platform",
         title="A process evaluation of a virtual ward for frail older people"),
    dict(service="a home blood pressure monitoring service in primary care", aim="improve the control of hypertension while reducing routine appointments in general practice",
         underserved="Patients over the age of 75 and those whose first language is not English", short="the home monitoring service",
         setting="a primary care network in south London", users="patients with hypertension",
         staff="practice nurses and clinical pharmacists", tech="the blood pressure app",
         title="Process evaluation of a home blood pressure monitoring service in primary care"),
    dict(service="an online consultation system in general practice", aim="improve access to general practice and to help practices manage demand more safely",
         underserved="Older patients and those whose first language is not English", short="the online consultation system",
         setting="a group of general practices in Lothian, Scotland", users="patients",
         staff="receptionists and general practitioners", tech="the online triage form",
         title="How does online consultation work in practice? A process evaluation in general practice"),
    dict(service="a digital triage pathway for a children's mental health service", aim="shorten waiting times for assessment and to direct young people more quickly to the right support",
         underserved="Young people from minority ethnic backgrounds and those in the care of the local authority", short="the digital triage pathway",
         setting="a community mental health trust in the Midlands", users="young people and their families",
         staff="triage clinicians", tech="the self-referral portal",
         title="Process evaluation of a digital triage pathway in child and adolescent mental health"),
    dict(service="a telehealth service for people with chronic obstructive pulmonary disease", aim="reduce avoidable hospital admissions and to give people with COPD more control over their own care",
         underserved="Māori and Pacific patients and those living in the most remote areas", short="the telehealth service",
         setting="a rural district health board in New Zealand", users="people living with COPD",
         staff="respiratory nurses", tech="the telehealth tablet",
         title="Understanding implementation: a process evaluation of COPD telehealth in a rural district"),
    dict(service="an SMS reminder and advice programme for antenatal care", aim="increase attendance at antenatal visits and to encourage women to give birth in a health facility",
         underserved="Women in the most remote villages and those without a phone of their own", short="the SMS programme",
         setting="a county health system in western Kenya", users="pregnant women",
         staff="community health volunteers and midwives", tech="the SMS platform",
         title="A process evaluation of an SMS programme to support antenatal care"),
    dict(service="a patient portal for outpatient services", aim="reduce missed appointments and to give outpatients direct access to their letters and results",
         underserved="Patients over the age of 75 and those whose first language is not English", short="the patient portal",
         setting="an acute hospital trust in the east of England", users="outpatients",
         staff="clinic administrators and consultants", tech="the portal",
         title="Process evaluation of an outpatient patient portal in an acute hospital trust"),
    dict(service="video consultations for young adults with type 1 diabetes", aim="improve attendance at clinic and to fit specialist care around the lives of young adults",
         underserved="Young adults living in the most deprived areas", short="the video clinic",
         setting="a university hospital in Ireland", users="young adults with type 1 diabetes",
         staff="diabetes specialist nurses and consultants", tech="the video consultation platform",
         title="Video consultations in young adult diabetes care: a process evaluation"),
]

HIT_RECORDS = [
    dict(record="the Northshire Care Record", region="Northshire", audience="the Northshire ICS Digital Board",
         orgs="two acute trusts, a mental health trust, 68 general practices and three local authorities"),
    dict(record="the Wessex Vale Shared Care Record", region="Wessex Vale", audience="the Wessex Vale Digital Programme Board",
         orgs="three acute trusts, a community provider, 91 general practices and two local authorities"),
    dict(record="the Lakes and Dales Care Record", region="Lakes and Dales", audience="the Lakes and Dales Partnership Board",
         orgs="one acute trust, a combined community and mental health trust, 54 general practices and a county council"),
    dict(record="the Clyde Valley Care Record", region="Clyde Valley", audience="the Clyde Valley eHealth Strategy Board",
         orgs="two health boards, 120 general practices and four health and social care partnerships"),
    dict(record="the Fenland Health Information Exchange", region="Fenland", audience="the Fenland Digital Transformation Board",
         orgs="two acute trusts, an ambulance service, 47 general practices and a unitary authority"),
]

# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)(?::([\w;]+))?\}")


def count_words(text):
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def render(template, ctx, cited=None):
    """Fills placeholders; records cited reference keys in `cited`."""
    def sub(match):
        name, arg = match.group(1), match.group(2)
        if name in ("c", "n"):
            keys = arg.split(";")
            if cited is not None:
                cited.update(keys)
            if name == "c":
                return "(" + "; ".join(f"{REFS[k][0]}, {REFS[k][1]}" for k in keys) + ")"
            return " and ".join(f"{REFS[k][0]} ({REFS[k][1]})" for k in keys)
        value = ctx[name.lower()]
        return value[:1].upper() + value[1:] if name[0].isupper() else value
    return PLACEHOLDER.sub(sub, template)


def citations_of(template):
    keys = set()
    for match in PLACEHOLDER.finditer(template):
        if match.group(1) in ("c", "n"):
            keys.update(match.group(2).split(";"))
    return keys


def units(bank_entries):
    return [entry if isinstance(entry, tuple) else (entry,) for entry in bank_entries]


# ---------------------------------------------------------------------------------------
# Essay composition. A document is a list of blocks:
#   ("title", text) ("h", level, text) ("p", text, footnote_or_None) ("li", text, num_id)
#   ("caption", number, text) ("table", rows) ("refhead", text) ("ref", text)
# ---------------------------------------------------------------------------------------

class Essay:
    def __init__(self, blocks, ctx, header, footnotes):
        self.blocks = blocks
        self.ctx = ctx
        self.header = header
        self.footnotes = footnotes

    def body_words(self):
        total = 0
        for block in self.blocks:
            if block[0] == "h":
                total += count_words(block[2])
            elif block[0] in ("p", "li"):
                total += count_words(block[1])
        return total

    def title(self):
        return self.blocks[0][1]


def compose(kind, cand, target, variant_rng_seed, force_footnote=False):
    """Builds one essay whose body word count is close to `target`."""
    rng = random.Random(variant_rng_seed)
    if kind == "hs":
        bank, sections, lists, fn_bank = HS_BANK, HS_SECTIONS, HS_LISTS, HS_FOOTNOTES
        ctx = dict(rng.choice(HS_SERVICES))
        ctx.update(
            launch=rng.choice(["April 2024", "September 2024", "January 2025", "June 2024", "October 2024"]),
            months=rng.choice(["six", "nine", "twelve", "eighteen"]),
            n_sites=rng.choice(["three", "four", "five", "six"]),
            n_enrolled=str(rng.randrange(180, 900)),
            pct_reach=str(rng.randrange(18, 46)),
            pct_active=str(rng.randrange(48, 73)),
            n_staff_int=str(rng.randrange(12, 25)),
            n_user_int=str(rng.randrange(10, 21)),
        )
        title = ctx["title"]
        extra_refs = HS_EXTRA_REFS
    else:
        bank, sections, lists, fn_bank = HIT_BANK, HIT_SECTIONS, HIT_LISTS, HIT_FOOTNOTES
        ctx = dict(rng.choice(HIT_RECORDS))
        ctx.update(n_views=f"{rng.randrange(40, 130) * 100:,}")
        record_name = ctx["record"][4:]  # without "the"
        title = rng.choice([
            f"Briefing paper: interoperability in {ctx['record']}",
            f"Improving interoperability in {ctx['record']}: options for the next phase",
            f"Briefing for {ctx['audience']}: making the {record_name} work across organisations",
            f"Interoperability and the {record_name}: a briefing paper",
        ])
        extra_refs = HIT_EXTRA_REFS

    numbered = rng.random() < 0.3
    heading_names = {key: rng.choice(names) for key, _, names, _, _ in sections}
    use_list = {key: (key == "recommendations" or rng.random() < 0.55) for key in lists}
    n_items = {key: (rng.randint(4, len(items)) if key == "recommendations" else len(items))
               for key, (_, items) in lists.items()}
    list_items = {key: sorted(rng.sample(range(len(items)), n_items[key])) for key, (_, items) in lists.items()}
    numbered_list = rng.random() < 0.25  # recommendations as a numbered list sometimes
    tables = []
    if kind == "hs":
        if rng.random() < 0.75:
            tables.append("framework")
        if rng.random() < 0.4:
            tables.append("reach")
    else:
        if rng.random() < 0.7:
            tables.append("options")
    footnote_sections = []
    if rng.random() < 0.5 or force_footnote:
        candidates = sorted(fn_bank)
        footnote_sections = sorted(rng.sample(candidates, rng.randint(1, min(2, len(candidates)))))
    footnote_texts = {key: rng.choice(fn_bank[key]) for key in footnote_sections}

    # Selection of bank units per section, respecting the 15-reference cap.
    pools = {key: units(bank[key]) for key, *_ in sections}
    weights = {key: weight for key, _, _, weight, _ in sections}
    anchors = {key: [a for a in anc if a < len(pools[key])] for key, _, _, _, anc in sections}
    chosen = {key: set(anchors[key]) for key in pools}
    cited = set()
    for key in pools:
        for index in chosen[key]:
            for sentence in pools[key][index]:
                cited |= citations_of(sentence)

    def unit_words(key, index):
        return sum(count_words(render(s, ctx)) for s in pools[key][index])

    def unit_refs(key, index):
        refs = set()
        for sentence in pools[key][index]:
            refs |= citations_of(sentence)
        return refs

    def can_add(key, index):
        return len(cited | unit_refs(key, index)) <= 15

    def add(key, index):
        chosen[key].add(index)
        cited.update(unit_refs(key, index))

    layout_rng_seed = variant_rng_seed + ":layout"

    def build():
        lrng = random.Random(layout_rng_seed)
        blocks = [("title", title)]
        h1 = 0
        h2 = 0
        table_no = 0
        footnotes = []
        for key, level, _, _, _ in sections:
            name = heading_names[key]
            if level == 1:
                h1 += 1
                h2 = 0
                blocks.append(("h", 1, f"{h1}. {name}" if numbered else name))
            else:
                h2 += 1
                blocks.append(("h", 2, f"{h1}.{h2} {name}" if numbered else name))
            sentences = []
            for index in sorted(chosen[key]):
                sentences.extend(render(s, ctx) for s in pools[key][index])
            # Group sentences into paragraphs of roughly 60-140 words.
            paragraphs = []
            current = []
            goal = lrng.randint(60, 140)
            for sentence in sentences:
                current.append(sentence)
                if count_words(" ".join(current)) >= goal:
                    paragraphs.append(current)
                    current = []
                    goal = lrng.randint(60, 140)
            if current:
                if paragraphs and count_words(" ".join(current)) < 30:
                    paragraphs[-1].extend(current)
                else:
                    paragraphs.append(current)
            if key in tables:
                table_no += 1
                lead = (f"Table {table_no} summarises the evaluation questions, the data sources used to answer them and the indicators chosen."
                        if key == "framework" else
                        f"Table {table_no} shows enrolment and retention in each site."
                        if key == "reach" else
                        f"Table {table_no} summarises how each option performs against the criteria.")
                if paragraphs:
                    paragraphs[-1].append(lead)
                else:
                    paragraphs.append([lead])
            footnote_at = None
            if key in footnote_texts and paragraphs:
                footnote_at = lrng.randrange(len(paragraphs))
            list_at = None
            if key in lists and use_list[key]:
                # After the first paragraph, except the options criteria: after the options.
                list_at = len(paragraphs) if key == "options" else min(1, len(paragraphs))
            for i, paragraph in enumerate(paragraphs):
                if i == list_at:
                    emit_list(blocks, key)
                note = None
                if i == footnote_at:
                    footnotes.append(footnote_texts[key])
                    note = len(footnotes)
                blocks.append(("p", " ".join(paragraph), note))
            if list_at is not None and list_at >= len(paragraphs):
                emit_list(blocks, key)
            if key in tables:
                caption, rows = table_for(key, ctx, lrng)
                blocks.append(("caption", table_no, caption))
                blocks.append(("table", rows))
        refs = set(cited)
        spare = [r for r in extra_refs if r not in refs]
        rng_refs = random.Random(variant_rng_seed + ":refs")
        while len(refs) < 8 and spare:
            refs.add(spare.pop(rng_refs.randrange(len(spare))))
        blocks.append(("refhead", "References"))
        for ref in sorted(refs, key=lambda k: REFS[k][2].lower()):
            blocks.append(("ref", REFS[ref][2]))
        return Essay(blocks, ctx, header=None, footnotes=footnotes)

    def emit_list(blocks, key):
        lead, items = lists[key]
        if lead:
            blocks.append(("p", render(lead, ctx), None))
        num_id = 2 if (key == "recommendations" and numbered_list) or (key == "framework") else 1
        for index in list_items[key]:
            blocks.append(("li", render(items[index], ctx, cited), num_id))

    # First pass: fill each section to its share of the target.
    fixed = build().body_words()
    budget = max(0, target - fixed)
    total_weight = sum(weights.values())
    order = [key for key, *_ in sections]
    for key in order:
        quota = budget * weights[key] / total_weight
        have = sum(unit_words(key, i) for i in chosen[key])
        free = [i for i in range(len(pools[key])) if i not in chosen[key]]
        rng.shuffle(free)
        for index in free:
            if have >= quota:
                break
            if can_add(key, index):
                add(key, index)
                have += unit_words(key, index)

    # Second pass: nudge towards the target one unit at a time.
    for _ in range(400):
        essay = build()
        words = essay.body_words()
        if abs(words - target) <= 12:
            break
        if words < target:
            options = [(k, i) for k in order for i in range(len(pools[k]))
                       if i not in chosen[k] and can_add(k, i)]
            if not options:
                break
            options.sort(key=lambda ki: abs(unit_words(*ki) - (target - words)))
            key, index = options[0] if target - words < 25 else rng.choice(options)
            add(key, index)
        else:
            removable = [(k, i) for k in order for i in sorted(chosen[k]) if i not in anchors[k]]
            if not removable:
                break
            removable.sort(key=lambda ki: abs(unit_words(*ki) - (words - target)))
            key, index = removable[0] if words - target < 25 else rng.choice(removable)
            chosen[key].discard(index)
            cited.clear()
            for k in order:
                for i in chosen[k]:
                    cited.update(unit_refs(k, i))
            for k, (lead, items) in lists.items():
                if use_list[k]:
                    for i in list_items[k]:
                        cited.update(citations_of(items[i]))
    essay = build()
    return essay


def table_for(key, ctx, rng):
    if key == "framework":
        return ("Evaluation questions, data sources and indicators", [
            ["Evaluation question", "Data sources", "Indicators"],
            ["Reach", "Routine service data", "Enrolments as a percentage of the eligible population, by age and deprivation"],
            ["Implementation", "Documents, observation, staff interviews", "Delivery of core components in each site; adaptations"],
            ["Mechanisms of impact", "Interviews with users and staff", "Reported changes in confidence, behaviour and workload"],
            ["Context", "Staff interviews, board minutes", "Barriers and enablers by NASSS domain"],
        ])
    if key == "reach":
        rows = [["Site", "Enrolled", "Active at three months", "Active (%)"]]
        for site in "ABCD":
            enrolled = rng.randrange(40, 260)
            active = int(enrolled * rng.uniform(0.42, 0.78))
            rows.append([f"Site {site}", str(enrolled), str(active), f"{100 * active / enrolled:.0f}"])
        return ("Enrolment and retention by site", rows)
    return ("Appraisal of the architectural options against the agreed criteria", [
        ["Option", "Cost", "Time to benefit", "Data currency", "Main risk"],
        ["Centralised repository (current)", "Low", "Short", "Up to 24 hours old", "Data remain out of date"],
        ["Federated FHIR queries", "High", "Long", "Real time", "Dependence on every source system"],
        ["Hybrid model", "Medium", "Medium", "Real time for priority data", "Governance complexity"],
    ])


# ---------------------------------------------------------------------------------------
# DOCX writing
# ---------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def t_element(text):
    space = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


def run(text, rpr=""):
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{rpr_xml}{t_element(text)}</w:r>"


def split_points(text, rng, force_midword):
    """Where Word might have split the runs of a paragraph: some at word boundaries, some
    in the middle of a word (as after an edit or a spell-check)."""
    points = set()
    special = text.find("international")
    if special >= 0:
        points.add(special + len("inter"))
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{7,}", text)]
    if words and (force_midword or rng.random() < 0.45):
        start, end = rng.choice(words)
        points.add(start + rng.randint(2, end - start - 2))
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        spaces = [m.start() for m in re.finditer(" ", text)]
        if spaces:
            points.add(rng.choice(spaces) + rng.choice([0, 1]))
    return sorted(p for p in points if 0 < p < len(text))


def runs_for(text, rng, force_midword=False, rpr=""):
    points = [0] + split_points(text, rng, force_midword) + [len(text)]
    out = []
    for a, b in zip(points, points[1:]):
        out.append(run(text[a:b], rpr))
    return "".join(out)


def italic_runs(text, rng):
    """A reference-list entry: *...* is italic."""
    out = []
    for i, part in enumerate(text.split("*")):
        if part:
            out.append(runs_for(part, rng, rpr="<w:i/><w:iCs/>" if i % 2 else ""))
    return "".join(out)


def paragraph(style, inner, extra_ppr=""):
    ppr = ""
    if style or extra_ppr:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{style_xml}{extra_ppr}</w:pPr>"
    return f"<w:p>{ppr}{inner}</w:p>"


def table_xml(rows, rng):
    cols = len(rows[0])
    width = 9026 // cols
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
           f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
    for r, row in enumerate(rows):
        header = '<w:trPr><w:tblHeader/></w:trPr>' if r == 0 else ""
        cells = []
        for cell in row:
            rpr = "<w:b/><w:bCs/>" if r == 0 else ""
            cell_p = paragraph(None, runs_for(cell, rng, rpr=rpr), '<w:spacing w:after="0"/>')
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{cell_p}</w:tc>')
        out.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def caption_xml(number, text, complex_field):
    if complex_field:
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> SEQ Table \\* ARABIC </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 f'<w:r><w:rPr><w:noProof/></w:rPr><w:t>{number}</w:t></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    else:
        field = (f'<w:fldSimple w:instr=" SEQ Table \\* ARABIC "><w:r><w:rPr><w:noProof/></w:rPr>'
                 f"<w:t>{number}</w:t></w:r></w:fldSimple>")
    return paragraph("Caption", run("Table ") + field + run(f": {text}"), "<w:keepNext/>")


def document_xml(essay, rng):
    body = []
    first_body_paragraph = True
    bookmark_done = False
    for block in essay.blocks:
        kind = block[0]
        if kind == "title":
            body.append(paragraph("Title", runs_for(block[1], rng)))
        elif kind == "h":
            body.append(paragraph(f"Heading{block[1]}", runs_for(block[2], rng)))
        elif kind == "p":
            inner = runs_for(block[1], rng, force_midword=first_body_paragraph)
            first_body_paragraph = False
            if block[2] is not None:
                inner += (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                          f'<w:footnoteReference w:id="{block[2]}"/></w:r>')
            if not bookmark_done and rng.random() < 0.05:
                inner = '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' + inner
                bookmark_done = True
            body.append(paragraph(None, inner))
        elif kind == "li":
            numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{block[2]}"/></w:numPr>'
            body.append(paragraph("ListParagraph", runs_for(block[1], rng), numpr))
        elif kind == "caption":
            body.append(caption_xml(block[1], block[2], complex_field=rng.random() < 0.5))
        elif kind == "table":
            body.append(table_xml(block[1], rng))
            body.append(paragraph(None, ""))
        elif kind == "refhead":
            body.append(paragraph("Heading1", runs_for(block[1], rng), '<w:pageBreakBefore/>' if rng.random() < 0.5 else ""))
        elif kind == "ref":
            body.append(paragraph(None, italic_runs(block[1], rng), '<w:ind w:left="567" w:hanging="567"/>'))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId8"/>'
            '<w:footerReference w:type="default" r:id="rId9"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    return (XML_DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            + "".join(body) + sect + "</w:body></w:document>")


def styles_xml():
    def pstyle(sid, name, ppr="", rpr="", based="Normal", extra=""):
        based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
        return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{based_xml}{extra}'
                f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
    heading_rpr = '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:color w:val="2F5496"/>'
    return (XML_DECL + f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Times New Roman"/>'
            '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">'
            '<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>'
            '<w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/></w:latentStyles>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:style>'
            + pstyle("Title", "Title", '<w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:contextualSpacing/><w:jc w:val="left"/>',
                     '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/>',
                     extra='<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>')
            + pstyle("Heading1", "heading 1", '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>',
                     heading_rpr + '<w:sz w:val="32"/><w:szCs w:val="32"/>',
                     extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>')
            + pstyle("Heading2", "heading 2", '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>',
                     heading_rpr + '<w:sz w:val="26"/><w:szCs w:val="26"/>',
                     extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>')
            + pstyle("Caption", "caption", '<w:spacing w:after="200" w:line="240" w:lineRule="auto"/>',
                     '<w:i/><w:iCs/><w:color w:val="44546A"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
                     extra='<w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>')
            + pstyle("ListParagraph", "List Paragraph", '<w:ind w:left="720"/><w:contextualSpacing/>',
                     extra='<w:uiPriority w:val="34"/><w:qFormat/>')
            + pstyle("FootnoteText", "footnote text", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                     '<w:sz w:val="20"/><w:szCs w:val="20"/>', extra='<w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>')
            + pstyle("Header", "header", '<w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                     extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')
            + pstyle("Footer", "footer", '<w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                     extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')
            + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="character" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
            '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:tblPr><w:tblBorders>'
            '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '</w:tblBorders></w:tblPr></w:style>'
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            "</w:styles>")


def numbering_xml():
    bullet = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
              '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
              '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:hint="default"/></w:rPr></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/>'
              '<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl>'
              "</w:abstractNum>")
    decimal = ('<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
               '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
               '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
               '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/>'
               '<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
               "</w:abstractNum>")
    return (XML_DECL + f'<w:numbering xmlns:w="{W_NS}" xmlns:r="{R_NS}">{bullet}{decimal}'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def footnotes_xml(notes, rng):
    sep = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    out = [XML_DECL + f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
           f'<w:footnote w:type="separator" w:id="-1"><w:p>{sep}<w:r><w:separator/></w:r></w:p></w:footnote>',
           f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{sep}<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for number, text in enumerate(notes, start=1):
        out.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                   f"{run(' ')}{runs_for(text, rng)}</w:p></w:footnote>")
    out.append("</w:footnotes>")
    return "".join(out)


def header_xml(text):
    return (XML_DECL + f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>{run(text)}</w:p></w:hdr>')


def footer_xml(style):
    if style == 0:
        field = ('<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>')
        inner = run("Page ") + field
    elif style == 1:
        def complex(instr):
            return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    '<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>'
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        inner = run("Page ") + complex("PAGE") + run(" of ") + complex("NUMPAGES")
    else:
        inner = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 '<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return (XML_DECL + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>{inner}</w:p></w:ftr>')


def settings_xml(has_footnotes):
    notes = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' if has_footnotes else ""
    return (XML_DECL + f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            '<w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f"{notes}"
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def content_types_xml(has_footnotes):
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = [("/word/document.xml", f"{main}.document.main+xml"),
             ("/word/styles.xml", f"{main}.styles+xml"),
             ("/word/settings.xml", f"{main}.settings+xml"),
             ("/word/numbering.xml", f"{main}.numbering+xml")]
    if has_footnotes:
        parts.append(("/word/footnotes.xml", f"{main}.footnotes+xml"))
    parts += [("/word/header1.xml", f"{main}.header+xml"),
              ("/word/footer1.xml", f"{main}.footer+xml"),
              ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
              ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    overrides = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in parts)
    return (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + overrides + "</Types>")


def package_rels_xml():
    return (XML_DECL + f'<Relationships xmlns="{REL_NS}">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")


def document_rels_xml(has_footnotes):
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = [("rId1", "numbering", "numbering.xml"), ("rId2", "styles", "styles.xml"),
            ("rId3", "settings", "settings.xml")]
    if has_footnotes:
        rels.append(("rId6", "footnotes", "footnotes.xml"))
    rels += [("rId8", "header", "header1.xml"), ("rId9", "footer", "footer1.xml")]
    body = "".join(f'<Relationship Id="{i}" Type="{base}/{t}" Target="{target}"/>' for i, t, target in rels)
    return XML_DECL + f'<Relationships xmlns="{REL_NS}">{body}</Relationships>'


def core_xml(title, creator, created, modified, revision):
    return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')


def app_xml(words, characters, paragraphs, total_time):
    pages = max(1, words // 330 + 1)
    return (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>Normal.dotm</Template><TotalTime>{total_time}</TotalTime><Pages>{pages}</Pages>"
            f"<Words>{words}</Words><Characters>{characters}</Characters><Application>Microsoft Office Word</Application>"
            f"<DocSecurity>0</DocSecurity><Lines>{characters // 80}</Lines><Paragraphs>{paragraphs}</Paragraphs>"
            "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>"
            f"<CharactersWithSpaces>{characters + words}</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
            "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>")


def zip_bytes(entries, create_system=0):
    """A zip with fixed timestamps and order: entries is a list of (name, bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = create_system
            info.external_attr = (0o100644 << 16) if create_system == 3 else 0
            archive.writestr(info, data)
    return buffer.getvalue()


def docx_bytes(essay, cand_id, header_text, seed, created, modified):
    rng = random.Random(seed + ":xml")
    has_notes = bool(essay.footnotes)
    document = document_xml(essay, rng)
    all_main = " ".join(b[1] if b[0] in ("title", "p", "refhead", "ref") else b[2] if b[0] in ("h", "caption") else
                        b[1] if b[0] == "li" else " ".join(" ".join(r) for r in b[1]) for b in essay.blocks)
    words = count_words(all_main.replace("*", ""))
    characters = len("".join(all_main.split()))
    entries = [("[Content_Types].xml", content_types_xml(has_notes)),
               ("_rels/.rels", package_rels_xml()),
               ("word/document.xml", document),
               ("word/_rels/document.xml.rels", document_rels_xml(has_notes))]
    if has_notes:
        entries.append(("word/footnotes.xml", footnotes_xml(essay.footnotes, rng)))
    entries += [("word/header1.xml", header_xml(header_text)),
                ("word/footer1.xml", footer_xml(rng.randrange(3))),
                ("word/numbering.xml", numbering_xml()),
                ("word/styles.xml", styles_xml()),
                ("word/settings.xml", settings_xml(has_notes)),
                ("docProps/core.xml", core_xml(essay.title(), cand_id, created, modified, rng.randint(3, 41))),
                ("docProps/app.xml", app_xml(words, characters, len(essay.blocks), rng.randint(240, 2400)))]
    return zip_bytes([(name, text.encode("utf-8")) for name, text in entries])


# ---------------------------------------------------------------------------------------
# Markdown writing (one submission in the other supported format)
# ---------------------------------------------------------------------------------------

def markdown_text(essay):
    wrap = textwrap.TextWrapper(width=92, break_long_words=False, break_on_hyphens=False)
    lines = []
    for block in essay.blocks:
        kind = block[0]
        if kind == "title":
            lines += [f"# {block[1]}", ""]
        elif kind == "h":
            lines += ["#" * (block[1] + 1) + " " + block[2], ""]
        elif kind == "p":
            text = block[1] + (f"[^{block[2]}]" if block[2] is not None else "")
            lines += wrap.wrap(text) + [""]
        elif kind == "li":
            lines.append(("1. " if block[2] == 2 else "- ") + block[1])
        elif kind == "refhead":
            if lines and lines[-1] != "":
                lines.append("")
            lines += [f"## {block[1]}", ""]
        elif kind == "ref":
            lines += wrap.wrap(block[1]) + [""]
        # captions and tables are left out of the Markdown version
    # blank line after each list
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith(("- ", "1. ")) and nxt and not nxt.startswith(("- ", "1. ")):
            out.append("")
    for number, note in enumerate(essay.footnotes, start=1):
        out.append(f"[^{number}]: {note}")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------
# The sample course
# ---------------------------------------------------------------------------------------

def read_roster():
    with open(os.path.join(COURSE, "roster.csv"), encoding="utf-8-sig", newline="") as handle:
        return {row["candidate_id"]: row for row in csv.DictReader(handle)}


# hs-process-evaluation: (candidate, file name, target body words, note). C1007 and C1013
# did not submit.
HS_PLAN = [
    ("C1001", "C1001_process_evaluation.docx", None, ""),
    ("C1002", "Process evaluation - final.docx", None, ""),
    ("C1003", "essay.docx", None, ""),
    ("C1004", "C1004 HS assignment v3 FINAL.docx", None, ""),
    ("C1005", "process_evaluation.docx", 3100, "OVER the limit + 10% tolerance (penalty applies)"),
    ("C1006", "EHS_summative_C1006.docx", None, ""),
    ("C1008", "submission.docx", None, ""),
    ("C1009", "essay.docx", None, "BROKEN: truncated to half its bytes"),
    ("C1010", "Process Evaluation (final).docx", None, ""),
    ("C1011", "hs-essay.docx", 2600, "over the limit but within the 10% tolerance"),
    ("C1012", "essay.md", None, "Markdown submission"),
    ("C1014", "C1014-process-evaluation.docx", None, ""),
]

# hit-briefing-paper: (candidate, file name inside the Moodle folder, target, note). C1008
# did not submit.
HIT_PLAN = [
    ("C1001", "Briefing paper.docx", None, ""),
    ("C1002", "Zoe Muller briefing paper.docx", 1800, "OVER the limit + 10% tolerance (penalty applies)"),
    ("C1003", "C1003_briefing.docx", None, ""),
    ("C1004", "HIT briefing paper FINAL.docx", None, ""),
    ("C1005", "interoperability_briefing_v2.docx", None, ""),
    ("C1006", "Briefing Paper - Regional Care Record.docx", None, ""),
    ("C1007", "HIT_assignment2.docx", None, ""),
    ("C1009", "briefing.docx", None, ""),
    ("C1010", "Briefing paper (interoperability).docx", 1600, "over the limit but within the 10% tolerance"),
    ("C1011", "HIT briefing.docx", None, ""),
    ("C1012", "briefing-paper-final.docx", None, ""),
    ("C1013", "Interoperability briefing.docx", None, ""),
    ("C1014", "briefing_paper.docx", None, ""),
]


def normal_target(seed, limit):
    """Most essays land between 87% and 98.5% of the limit."""
    return int(limit * random.Random(seed + ":target").uniform(0.87, 0.985))


def check_band(cid, words, limit, target):
    if target is None:
        ok = 0.85 * limit <= words <= limit
    elif target > limit * 1.1:
        ok = words > limit * 1.1
    else:
        ok = limit < words <= limit * 1.1
    if not ok:
        raise SystemExit(f"{cid}: body word count {words} is outside its intended band (limit {limit}, target {target})")


def write_file(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def check_docx(data):
    """Every part of the zip opens and every XML part parses."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                xml.dom.minidom.parseString(archive.read(name))

# =======================================================================================
# Issue 3: an MSc dissertation, a group presentation and a reflective journal
# =======================================================================================
#
# Everything below writes the three assessments added for issue 3. It shares the DOCX
# writer above (document_xml, docx_bytes…) but none of its random streams, so the files of
# the two written assessments are unchanged by it.

# References the dissertations cite, in addition to REFS above (several are shared). A label
# with a letter ("2020a") is how Harvard tells apart two works by the same first author in
# the same year.
DISS_REFS = {
    "topol2019": ("Topol", "2019",
        "Topol, E. (2019) *The Topol Review: Preparing the healthcare workforce to deliver the "
        "digital future*. London: Health Education England."),
    "robertson2010": ("Robertson et al.", "2010",
        "Robertson, A., Cresswell, K., Takian, A., Petrakaki, D., Crowe, S., Cornford, T., et al. "
        "(2010) 'Implementation and adoption of nationwide electronic health records in secondary "
        "care in England: qualitative analysis of interim results from a prospective national "
        "evaluation', *BMJ*, 341, c4564."),
    "cresswell2013b": ("Cresswell, Bates and Sheikh", "2013",
        "Cresswell, K.M., Bates, D.W. and Sheikh, A. (2013) 'Ten key considerations for the "
        "successful implementation and adoption of large-scale health information technology', "
        "*Journal of the American Medical Informatics Association*, 20(e1), pp. e9–e13."),
    "kotter1996": ("Kotter", "1996",
        "Kotter, J.P. (1996) *Leading Change*. Boston, MA: Harvard Business School Press."),
    "kotter1995": ("Kotter", "1995",
        "Kotter, J.P. (1995) 'Leading change: why transformation efforts fail', *Harvard Business "
        "Review*, 73(2), pp. 59–67."),
    "west2017": ("West et al.", "2017",
        "West, M., Eckert, R., Collins, B. and Chowla, R. (2017) *Caring to change: how "
        "compassionate leadership can stimulate innovation in health care*. London: The King's Fund."),
    "heifetz2009": ("Heifetz, Grashow and Linsky", "2009",
        "Heifetz, R.A., Grashow, A. and Linsky, M. (2009) *The Practice of Adaptive Leadership: "
        "Tools and Tactics for Changing Your Organization and the World*. Boston, MA: Harvard "
        "Business Press."),
    "bate2006": ("Bate and Robert", "2006",
        "Bate, P. and Robert, G. (2006) 'Experience-based design: from redesigning the system "
        "around the patient to co-designing services with the patient', *Quality and Safety in "
        "Health Care*, 15(5), pp. 307–310."),
    "shaw2018": ("Shaw et al.", "2018",
        "Shaw, J., Agarwal, P., Desveaux, L., Palma, D.C., Stamenova, V., Jamieson, T., et al. "
        "(2018) 'Beyond \"implementation\": digital health innovation and service design', *npj "
        "Digital Medicine*, 1, 48."),
    "tong2007": ("Tong, Sainsbury and Craig", "2007",
        "Tong, A., Sainsbury, P. and Craig, J. (2007) 'Consolidated criteria for reporting "
        "qualitative research (COREQ): a 32-item checklist for interviews and focus groups', "
        "*International Journal for Quality in Health Care*, 19(6), pp. 349–357."),
    "malterud2016": ("Malterud, Siersma and Guassora", "2016",
        "Malterud, K., Siersma, V.D. and Guassora, A.D. (2016) 'Sample size in qualitative "
        "interview studies: guided by information power', *Qualitative Health Research*, 26(13), "
        "pp. 1753–1760."),
    "vindrolapadros2021": ("Vindrola-Padros et al.", "2021",
        "Vindrola-Padros, C., Singh, K.E., Sidhu, M.S., Georghiou, T., Sherlaw-Johnson, C., "
        "Tomini, S.M., et al. (2021) 'Remote home monitoring (virtual wards) for confirmed or "
        "suspected COVID-19 patients: a rapid systematic review', *EClinicalMedicine*, 37, 100965."),
    "shepperd2016": ("Shepperd et al.", "2016",
        "Shepperd, S., Iliffe, S., Doll, H.A., Clarke, M.J., Kalra, L., Wilson, A.D. and "
        "Gonçalves-Bradley, D.C. (2016) 'Admission avoidance hospital at home', *Cochrane Database "
        "of Systematic Reviews*, 9, CD007491."),
    "nhse2019": ("NHS England", "2019",
        "NHS England (2019) *The NHS Long Term Plan*. London: NHS England."),
    "greenhalgh2020a": ("Greenhalgh et al.", "2020a",
        "Greenhalgh, T., Koh, G.C.H. and Car, J. (2020a) 'Covid-19: a remote assessment in primary "
        "care', *BMJ*, 368, m1182."),
    "greenhalgh2020b": ("Greenhalgh et al.", "2020b",
        "Greenhalgh, T., Wherton, J., Shaw, S. and Morrison, C. (2020b) 'Video consultations for "
        "covid-19', *BMJ*, 368, m998."),
    "black2011": ("Black et al.", "2011",
        "Black, A.D., Car, J., Pagliari, C., Anandan, C., Cresswell, K., Bokun, T., et al. (2011) "
        "'The impact of eHealth on the quality and safety of health care: a systematic overview', "
        "*PLoS Medicine*, 8(1), e1000387."),
    "ham2016": ("Ham, Berwick and Dixon", "2016",
        "Ham, C., Berwick, D. and Dixon, J. (2016) *Improving quality in the English NHS: a "
        "strategy for action*. London: The King's Fund."),
    "bevan2014": ("Bevan and Fairman", "2014",
        "Bevan, H. and Fairman, S. (2014) *The new era of thinking and practice in change and "
        "transformation: a call to action for leaders of health and care*. Leeds: NHS Improving "
        "Quality."),
    "nilsen2015": ("Nilsen", "2015",
        "Nilsen, P. (2015) 'Making sense of implementation theories, models and frameworks', "
        "*Implementation Science*, 10, 53."),
    "davis1989": ("Davis", "1989",
        "Davis, F.D. (1989) 'Perceived usefulness, perceived ease of use, and user acceptance of "
        "information technology', *MIS Quarterly*, 13(3), pp. 319–340."),
    "venkatesh2003": ("Venkatesh et al.", "2003",
        "Venkatesh, V., Morris, M.G., Davis, G.B. and Davis, F.D. (2003) 'User acceptance of "
        "information technology: toward a unified view', *MIS Quarterly*, 27(3), pp. 425–478."),
    "holden2010": ("Holden and Karsh", "2010",
        "Holden, R.J. and Karsh, B.-T. (2010) 'The technology acceptance model: its past and its "
        "future in health care', *Journal of Biomedical Informatics*, 43(1), pp. 159–172."),
    "koppel2005": ("Koppel et al.", "2005",
        "Koppel, R., Metlay, J.P., Cohen, A., Abaluck, B., Localio, A.R., Kimmel, S.E. and Strom, "
        "B.L. (2005) 'Role of computerized physician order entry systems in facilitating "
        "medication errors', *JAMA*, 293(10), pp. 1197–1203."),
    "lincoln1985": ("Lincoln and Guba", "1985",
        "Lincoln, Y.S. and Guba, E.G. (1985) *Naturalistic Inquiry*. Beverly Hills, CA: Sage."),
    "creswell2018": ("Creswell and Plano Clark", "2018",
        "Creswell, J.W. and Plano Clark, V.L. (2018) *Designing and Conducting Mixed Methods "
        "Research*. 3rd edn. Thousand Oaks, CA: Sage."),
    "finlay2002": ("Finlay", "2002",
        "Finlay, L. (2002) '\"Outing\" the researcher: the provenance, process, and practice of "
        "reflexivity', *Qualitative Health Research*, 12(4), pp. 531–545."),
    "coghlan2014": ("Coghlan and Brannick", "2014",
        "Coghlan, D. and Brannick, T. (2014) *Doing Action Research in Your Own Organization*. "
        "4th edn. London: Sage."),
    "norman2023": ("Norman, Bennett and Vardy", "2023",
        "Norman, G., Bennett, P. and Vardy, E.R.L.C. (2023) 'Virtual wards: a rapid evidence "
        "synthesis and implications for the care of older people', *Age and Ageing*, 52(1), afac319."),
    "schein2010": ("Schein", "2010",
        "Schein, E.H. (2010) *Organizational Culture and Leadership*. 4th edn. San Francisco, CA: "
        "Jossey-Bass."),
    "lewin1947": ("Lewin", "1947",
        "Lewin, K. (1947) 'Frontiers in group dynamics: concept, method and reality in social "
        "science; social equilibria and social change', *Human Relations*, 1(1), pp. 5–41."),
    "burnes2004": ("Burnes", "2004",
        "Burnes, B. (2004) 'Kurt Lewin and the planned approach to change: a re-appraisal', "
        "*Journal of Management Studies*, 41(6), pp. 977–1002."),
    "boonstra2010": ("Boonstra and Broekhuis", "2010",
        "Boonstra, A. and Broekhuis, M. (2010) 'Barriers to the acceptance of electronic medical "
        "records by physicians from systematic review to taxonomy and interventions', *BMC Health "
        "Services Research*, 10, 231."),
    "mcginn2011": ("McGinn et al.", "2011",
        "McGinn, C.A., Grenier, S., Duplantie, J., Shaw, N., Sicotte, C., Mathieu, L., et al. "
        "(2011) 'Comparison of user groups' perspectives of barriers and facilitators to "
        "implementing electronic health records: a systematic review', *BMC Medicine*, 9, 46."),
    "ajami2013": ("Ajami and Bagheri-Tadi", "2013",
        "Ajami, S. and Bagheri-Tadi, T. (2013) 'Barriers for adopting electronic health records "
        "(EHRs) by physicians', *Acta Informatica Medica*, 21(2), pp. 129–134."),
    "honeyman2016": ("Honeyman, Dunn and McKenna", "2016",
        "Honeyman, M., Dunn, P. and McKenna, H. (2016) *A digital NHS? An introduction to the "
        "digital agenda and plans for implementation*. London: The King's Fund."),
    "maguire2018": ("Maguire et al.", "2018",
        "Maguire, D., Evans, H., Honeyman, M. and Omojomolo, D. (2018) *Digital change in health "
        "and social care*. London: The King's Fund."),
    "vangemert2011": ("van Gemert-Pijnen et al.", "2011",
        "van Gemert-Pijnen, J.E.W.C., Nijland, N., van Limburg, M., Ossebaard, H.C., Kelders, "
        "S.M., Eysenbach, G. and Seydel, E.R. (2011) 'A holistic framework to improve the uptake "
        "and impact of eHealth technologies', *Journal of Medical Internet Research*, 13(4), e111."),
    "braun2019": ("Braun and Clarke", "2019",
        "Braun, V. and Clarke, V. (2019) 'Reflecting on reflexive thematic analysis', *Qualitative "
        "Research in Sport, Exercise and Health*, 11(4), pp. 589–597."),
    "iles2001": ("Iles and Sutherland", "2001",
        "Iles, V. and Sutherland, K. (2001) *Organisational Change: A Review for Health Care "
        "Managers, Professionals and Researchers*. London: NCCSDO."),
}
ALL_REFS = {**REFS, **DISS_REFS}

# The works the broken-referencing dissertation forgets to list (the first three it cites),
# and the two it lists without citing them.
DISS_DROPPED = ["topol2019", "black2011", "malterud2016", "nilsen2015", "bate2006"]
DISS_PADDING = ["kotter1995", "iles2001"]

# Dissertation outline: chapter key, heading wordings, then its subsections (key, heading
# wordings); a subsection key of None holds the paragraphs straight under the chapter heading.
DISS_OUTLINE = [
    ("intro", ["Introduction"], [
        ("background", ["Background", "Background to the study"]),
        ("context", ["The local context", "Context of the study"]),
        ("aims", ["Aim and objectives", "Aims and objectives"]),
        ("structure", ["Structure of the dissertation", "Outline of the dissertation"]),
    ]),
    ("lit", ["Literature review", "Review of the literature"], [
        (None, None),
        ("search", ["Search strategy", "Searching the literature"]),
        ("topic", None),  # the topic's own heading, from the context
        ("adoption", ["Adoption and implementation of digital technologies", "Theories of adoption and implementation"]),
        ("leadership", ["Leading change in health care", "Leadership of digital change"]),
        ("gap", ["Gaps in the evidence", "What the literature does not tell us"]),
    ]),
    ("methods", ["Methodology", "Methods", "Research design and methods"], [
        (None, None),
        ("design", ["Research design", "Methodological approach"]),
        ("sampling", ["Setting and participants", "Sampling and recruitment"]),
        ("collection", ["Data collection"]),
        ("analysis", ["Data analysis"]),
        ("ethics", ["Ethical considerations"]),
        ("reflexivity", ["Reflexivity and insider research", "My position as an insider researcher"]),
    ]),
    ("findings", ["Findings"], [
        (None, None),
        ("overview", ["Participants and routine data", "Overview of the findings"]),
        ("theme1", ["Making sense of the change"]),
        ("theme2", ["Workload, workflow and workarounds"]),
        ("theme3", ["Trust in data and in each other"]),
        ("theme4", ["Leadership, ownership and sponsorship"]),
        ("theme5", ["Equity: who was left behind?"]),
        ("fsummary", ["Summary of the findings"]),  # only when there is no Discussion chapter
    ]),
    ("discussion", ["Discussion"], [
        (None, None),
        ("main", ["Main findings in relation to the literature", "The findings in the light of the literature"]),
        ("implications", ["Implications for leadership practice"]),
        ("limitations", ["Strengths and limitations"]),
        ("reflection", ["Reflections on my role as a leader and researcher", "Reflexive account"]),
    ]),
    ("conclusion", ["Conclusion", "Conclusions"], [
        (None, None),
        ("recommendations", ["Recommendations", "Recommendations for practice"]),
        ("further", ["Further research"]),
    ]),
]

# Units of text per subsection: a sentence, a tuple of sentences kept together, or a list
# {"lead": …, "items": […]}. A leading "!" marks a unit that is always kept (it introduces
# a table or the subsection). {c:key;key} cites in brackets, {n:key} in the sentence,
# {p:key} possessively ("Kotter's (1996)"), {c:key@WHO} under an acronym.
DISS_BANK = {
    ("intro", "background"): [
        "!Health systems in the United Kingdom and elsewhere are under sustained pressure from rising demand, an ageing population living with more long-term conditions, and a workforce that has not grown at the same pace {c:ham2016}.",
        "Digital technologies are widely presented as part of the answer, and national policy has committed the NHS to making digitally enabled care a mainstream part of every service {c:nhse2019}.",
        ("The evidence that digital technologies improve care is, however, more mixed than the policy rhetoric suggests {c:black2011}.",
         "Many programmes have struggled to move beyond the pilot stage, and some have been abandoned altogether after considerable investment of money and goodwill {c:greenhalgh2017}."),
        "A recurring theme in the literature is that the difficulty lies less in the technology itself than in the organisational, professional and cultural change it requires {c:cresswell2013}.",
        "The review of NHS information technology led by {n:wachter2016} concluded that digitisation is an adaptive rather than a technical challenge, and that it succeeds only when clinicians are engaged as leaders of the change.",
        "Similarly, the {n:topol2019} review argued that the workforce will need new skills, but also new forms of leadership, if the potential of digital healthcare is to be realised.",
        "These observations make the leadership of digital change a legitimate object of study in its own right, and not simply a matter of project management or procurement.",
        "They also suggest that the people best placed to study it are often those who are leading it, provided they can do so with sufficient rigour and reflexivity {c:coghlan2014}.",
    ],
    ("intro", "aims"): [
        "!The aim of this study was to understand how {short} had been implemented and adopted in its first {months} months, and what this meant for the leadership of digital change in the organisation.",
        {"lead": "The objectives were:", "items": [
            "to explore how staff understood the purpose of {short} and how that understanding developed after go-live;",
            "to identify what helped and what hindered the adoption of {short} in everyday practice;",
            "to examine how the change was led, and how leadership was experienced by staff at different levels; and",
            "to make recommendations for the future development of {short} and for the leadership of digital change in the trust.",
        ]},
        "The study was designed as a practice-based project, so that its findings could inform decisions about the future of {short} as well as contribute to the wider literature on digital change.",
        "A further, personal aim was to develop my own capability as a leader of change through the discipline of structured enquiry and reflection.",
    ],
    ("intro", "structure"): [
        "!Chapter 2 reviews the literature on {lit_topic}, on the adoption and implementation of digital technologies in health care, and on the leadership of change.",
        "Chapter 3 describes the methodology, including the reasons for a qualitative design and the steps taken to manage my position as an insider researcher.",
        "{structure_tail}",
    ],
    ("lit", None): [
        "!This chapter reviews the literature that informed the study, moving from the technology itself to the wider literature on adoption and implementation, and then to the leadership of change.",
        "It closes by identifying the gaps in that literature which this study sets out to address.",
    ],
    ("lit", "search"): [
        "!The review was a structured narrative review rather than a systematic review, which would have been beyond the scope of a practice-based dissertation.",
        "Searches were run in MEDLINE, CINAHL and the Health Management Information Consortium database, and supplemented by the grey literature published by the King's Fund, the Nuffield Trust and NHS England.",
        "Search terms combined the technology of interest ({search_terms}) with terms for implementation, adoption, evaluation and leadership.",
        "Papers published in English over the last twenty years were included, reflecting the period since the national programme for information technology began in England.",
        "Reference lists of key papers were searched by hand, and citation tracking was used to find more recent work that built on them.",
        ("Studies were appraised using the relevant Critical Appraisal Skills Programme checklists.",
         "Weaker studies were not excluded where they offered insight into the experience of staff, but their limitations are noted where they are discussed."),
        "The review is organised thematically rather than by study design, since the aim was to build an understanding of the issues rather than to estimate an effect.",
    ],
    ("lit", "adoption"): [
        "!Early research on the adoption of technology drew heavily on the technology acceptance model, which explains use in terms of perceived usefulness and perceived ease of use {c:davis1989}.",
        "The unified theory of acceptance and use of technology later added social influence and facilitating conditions to these individual perceptions {c:venkatesh2003}.",
        "{n:holden2010} reviewed the use of the technology acceptance model in health care and concluded that it explained a useful but limited share of the variation in clinicians' intentions to use new systems.",
        "A limitation of these models is their focus on the individual user, which pays little attention to the organisation and the wider system into which a technology is introduced.",
        "Sociotechnical approaches address this by treating technology, people, workflow and organisation as interdependent parts of a single system, none of which can be changed without affecting the others {c:sittig2010}.",
        "The diffusion of innovations literature similarly emphasises that adoption depends on the characteristics of the innovation, the adopters, the organisation and the outer context {c:greenhalgh2004}.",
        "Implementation science has produced a large number of frameworks, which {n:nilsen2015} grouped into process models, determinant frameworks, classic theories, implementation theories and evaluation frameworks.",
        "Among the determinant frameworks, the Consolidated Framework for Implementation Research is perhaps the most widely used in health services research {c:damschroder2009}.",
        "Normalisation process theory asks instead how new practices become embedded in everyday work through the collective action of the people involved {c:may2009}.",
        ("The NASSS framework was developed specifically for health and care technologies, and explains non-adoption and abandonment in terms of complexity across seven domains {c:greenhalgh2017}.",
         "In NASSS, difficulties multiply when complexity is present in several domains at once, for example when an unstable technology meets a fragile organisation and an uncertain business model."),
        "A systematic review of systematic reviews of e-health implementation identified the same clusters of factors, and concluded that implementation is rarely straightforward {c:ross2016}.",
        "{n:cresswell2013b} distilled this literature into ten key considerations for large-scale implementations, several of which concern leadership, engagement and the management of expectations.",
        "Design-led approaches offer a complementary perspective, arguing that digital innovation should be understood as the redesign of services rather than as the implementation of a finished product {c:shaw2018}.",
        "{n:vangemert2011} proposed a holistic framework in which the development of e-health technologies is inseparable from the values and practices of the people who will use them.",
        "Taken together, these perspectives suggest that the question is not only whether a technology works, but how, for whom and under what conditions it becomes part of routine care {c:greenhalgh2018}.",
        "The frameworks also share a practical lesson for leaders: that the work of implementation continues long after go-live, when attention and funding have often moved elsewhere {c:proctor2011}.",
    ],
    ("lit", "leadership"): [
        "!Much of the writing on organisational change still draws on planned models that treat change as a sequence of stages to be managed.",
        "{n:lewin1947} described change as unfreezing, moving and refreezing, a model that has been criticised as too static but has also been defended as more subtle than its critics allow {c:burnes2004}.",
        "{p:kotter1996} eight-stage model, which begins with creating a sense of urgency and building a guiding coalition, remains one of the most widely taught approaches to leading change.",
        "Critics of planned models argue that health systems are complex adaptive systems, in which outcomes emerge from the interactions of many agents and cannot be fully specified in advance {c:greenhalgh2018}.",
        "{n:heifetz2009} distinguished technical problems, which can be solved with existing expertise, from adaptive challenges, which require people to change their values, habits and ways of working.",
        "Digital change has both technical and adaptive elements, and a common failure is to treat the adaptive elements as if they were technical {c:wachter2016}.",
        "Organisational culture also shapes how change is received, and {n:schein2010} argued that the deepest layer of culture, its shared basic assumptions, is both the hardest to change and the least visible.",
        "In the NHS, interest has grown in compassionate and collective forms of leadership, which emphasise listening, understanding, empathy and helping {c:west2017}.",
        "{n:west2017} argued that compassionate leadership fosters the psychological safety that innovation requires, because people will only experiment if they can admit mistakes without fear.",
        "{n:bevan2014} called for a new era of change in health and care, in which leaders mobilise energy and commitment across networks rather than relying on hierarchy and instruction.",
        "Co-design with patients and staff is one practical expression of this shift, and experience-based design was developed in the NHS for precisely this purpose {c:bate2006}.",
        "Clinical leadership of digital programmes is repeatedly identified as important, but the literature says less about what clinical leaders actually do in practice {c:cresswell2013}.",
        "Reports on the digital agenda in England have highlighted the shortage of people with both clinical and digital expertise at every level of the system {c:honeyman2016}.",
        "{n:maguire2018} found in their case studies that successful digital change depended on leaders who gave staff time and permission to adapt technologies to their work.",
        "The global strategy on digital health similarly treats leadership and governance, rather than technology, as the foundation of successful digital transformation {c:who2021@WHO}.",
    ],
    ("lit", "gap"): [
        "!The review shows a substantial literature on the factors that influence the adoption of digital technologies, and a growing literature on the leadership of change in health care.",
        "It shows much less about how these two bodies of knowledge meet in the everyday work of middle managers and clinical leaders, who are responsible for making new technologies work on the ground.",
        "Most studies of implementation are written from the perspective of external researchers, and few are written by practitioners studying change in their own organisations {c:coghlan2014}.",
        "There is also little evidence on {topic_gap}.",
        "This study addresses these gaps by examining the implementation of {short} from the inside, with a particular focus on what it asks of leaders at every level.",
    ],
    ("methods", None): [
        "!This chapter describes and justifies the design of the study, the setting and participants, and the methods used to collect and analyse the data.",
        "It then discusses the ethical issues raised by the study and my position as a researcher in my own organisation.",
    ],
    ("methods", "design"): [
        "!The study used a qualitative design, informed by an interpretivist position that treats the meanings people give to their experiences as the proper object of enquiry.",
        "A qualitative approach suited the aim, which was to understand processes and experiences rather than to measure the effects of {short}.",
        "Routine data were used descriptively to set the interviews in context, but the study was not designed to evaluate effectiveness, which would require a different design and a larger scale {c:skivington2021}.",
        "A mixed-methods design was considered and rejected, since the routine data available were too limited to support the integration of findings that such designs require {c:creswell2018}.",
        "The study drew on the Medical Research Council guidance on process evaluation, which recommends attention to implementation, mechanisms and context {c:moore2015}.",
        "NASSS was chosen as a sensitising framework because it was developed for health technologies and because its domains map closely onto the concerns raised in the literature review {c:greenhalgh2017}.",
        "The framework was used to inform the topic guide and the initial coding, but not to constrain the analysis, so that findings outside its domains could still be recognised.",
    ],
    ("methods", "sampling"): [
        "!The study took place in {org} between {study_start} and {study_end}.",
        "Participants were selected by purposive sampling, to include a range of professional groups, levels of seniority and degrees of involvement with {short}.",
        "!{sample_sentence} Table 1 summarises the characteristics of the participants.",
        "An invitation was sent by email through team managers, with a participant information sheet, and people who were interested contacted me directly.",
        "Because I manage some of the potential participants, the invitation made clear that taking part was voluntary and would have no bearing on their work or their appraisal.",
        "Sample size was guided by the concept of information power, which holds that fewer participants are needed when the aim is narrow, the sample specific and the dialogue strong {c:malterud2016}.",
        "Recruitment stopped when further interviews were adding little that was new to the developing analysis, although I recognise that saturation is a contested notion in reflexive thematic analysis {c:braun2019}.",
    ],
    ("methods", "collection"): [
        "!Data were collected through semi-structured interviews, guided by a topic guide that is reproduced in Appendix B.",
        "The topic guide covered participants' roles, their experience of {short} since go-live, what had helped or hindered them, and their views of how the change had been led.",
        "Interviews were held in person or on Microsoft Teams, according to preference, and lasted between 35 and 70 minutes.",
        "All interviews were audio-recorded with consent and transcribed verbatim, and transcripts were checked against the recordings for accuracy.",
        "I kept a reflective diary throughout the study, noting my impressions after each interview and my own reactions to what I had heard.",
        "Routine data on {routine_data} were obtained from the trust's business intelligence team in an anonymised and aggregated form.",
        "The topic guide was piloted with one colleague who was not otherwise part of the study, which led to changes in the order and wording of several questions.",
    ],
    ("methods", "analysis"): [
        "!Transcripts were analysed using reflexive thematic analysis, following the six phases described by {n:braun2006}.",
        "These phases are familiarisation, coding, generating initial themes, reviewing themes, defining and naming themes, and writing up.",
        "I read each transcript several times before coding, and coded line by line in NVivo, staying close to the participants' own words in the early stages.",
        "Codes were then grouped into candidate themes, which were reviewed against the coded extracts and the full data set and revised several times.",
        "{n:braun2019} emphasise that themes do not emerge from data but are actively constructed by the researcher, and the analysis was approached in that spirit.",
        "NASSS domains were used as a lens in the later phases, to ask whether the themes had overlooked aspects of the technology, the value proposition or the wider system {c:greenhalgh2017}.",
        "The final coding framework is summarised in Appendix C.",
        "The trustworthiness of the analysis was considered in terms of credibility, transferability, dependability and confirmability {c:lincoln1985}.",
        "Credibility was supported by discussing emerging themes with my supervisor and by presenting them to a small group of participants, whose comments refined the final account.",
        "The study is reported in line with the consolidated criteria for reporting qualitative research {c:tong2007}.",
    ],
    ("methods", "ethics"): [
        "!The study was approved by the university's research ethics committee, and the trust's research and development office confirmed that it did not require review by an NHS research ethics committee.",
        "All participants gave written informed consent, and were told that they could withdraw up to two weeks after their interview without giving a reason.",
        "Transcripts were pseudonymised at the point of transcription, and participants are identified in this dissertation only by a number and a broad role.",
        "Some participants described clinical incidents, and a protocol was agreed in advance for the unlikely event that an interview revealed an unreported risk to patient safety.",
        "Data were stored on the university's secure network, in line with its data management policy and the UK General Data Protection Regulation.",
    ],
    ("methods", "reflexivity"): [
        "!As an insider researcher I brought knowledge of the organisation and its history, and easier access to participants, but also relationships and assumptions that could shape the data {c:coghlan2014}.",
        "Some participants may have been reluctant to criticise a service with which I was closely associated, while others may have used the interview to raise concerns they felt had not been heard.",
        "{n:finlay2002} describes reflexivity as a process of continual evaluation of the researcher's own position, rather than a single statement of bias, and I tried to practise it in that way.",
        "My reflective diary was an important tool in this, and I return to some of its entries later in the dissertation.",
        "Interviews with the people I line-manage were conducted by a colleague from another service, using the same topic guide, to reduce the risk that participants would tell me what they thought I wanted to hear.",
    ],
    ("findings", None): [
        "!This chapter presents the findings of the study, beginning with a description of the participants and the routine data and then presenting the five themes generated by the analysis.",
    ],
    ("findings", "overview"): [
        "!{findings_intro}",
        "!{routine_summary} Table 2 summarises the routine data for the period of the study.",
        "!The analysis generated five themes, which are summarised with their subthemes in Table 3 and presented in turn below.",
        "Quotations are attributed by participant number and broad role, and have been lightly edited to remove hesitations and identifying details.",
    ],
    ("findings", "theme1"): [
        "!Participants differed widely in how they understood the purpose of {short}, and these differences shaped how they engaged with it.",
        "For senior managers, the change was primarily about {purpose_managers}, and they described it in the language of the business case.",
        "Frontline staff more often described it in terms of what it meant for their own patients and their own working day.",
        "One nurse explained: “Nobody ever sat down and told us why we were doing it. We got an email about go-live and a date for training, and that was it” (P4, nurse).",
        "Where a clear and shared account of the purpose existed, it was usually because a respected clinician had taken the trouble to explain it in person.",
        "A consultant described the difference this made: “When our matron explained it at the safety huddle, people got it. The slides from the programme board never landed in the same way” (P11, consultant).",
        "In the terms of normalisation process theory, this was the work of coherence, by which people come to understand a new practice and how it differs from what they did before {c:may2009}.",
        "Sense-making was not a single event at go-live but continued for months, as staff discovered what the change meant in situations that the training had not anticipated.",
        ("Several participants contrasted the confident messages of the programme with their own uncertainty, and some felt that raising doubts was unwelcome.",
         "As one manager put it: “There was a sense that if you asked awkward questions you weren't on the bus” (P2, service manager)."),
        "This suggests that the sense of urgency that planned change models recommend can, if it is overdone, close down the conversations through which people make sense of change {c:kotter1996}.",
        "Staff who had been involved in testing or configuring {tech} before go-live described a much richer understanding of its purpose, and often became informal sources of explanation for their colleagues.",
    ],
    ("findings", "theme2"): [
        "!The most frequently discussed topic in the interviews was the effect of {short} on the volume and rhythm of work.",
        "{workload_sentence}",
        "Staff described new tasks that had not been visible in the planning, such as {new_tasks}.",
        "A healthcare assistant said: “It's not that it's harder, it's that there's more of it, and it's all on the screen now, so you can't do it while you're doing something else” (P9, healthcare assistant).",
        "In the first weeks after go-live many staff developed workarounds, which ranged from harmless shortcuts to practices that managers regarded as unsafe.",
        "{workaround_sentence}",
        "Workarounds were often a rational response to a poor fit between the technology and the work, and several participants saw them as evidence of the system's flaws rather than of staff resistance.",
        "This interpretation is consistent with sociotechnical accounts, which treat workarounds as signals of misalignment between technology, people and processes {c:sittig2010}.",
        "Over time, some workarounds became formalised as local procedures, while others were designed out by changes to the configuration of {tech}.",
        "A digital lead reflected: “We learnt more from the workarounds than from any of the formal feedback. They showed us exactly where the design didn't fit” (P14, digital lead).",
        "The pressure on workload was felt most acutely by part-time and night staff, who had fewer opportunities for training and less access to support from the digital team.",
        "Several participants noted that the promised time savings had been calculated for the finished service, while they were living through the transition, in which old and new ways of working ran side by side.",
    ],
    ("findings", "theme3"): [
        "!Trust emerged as a theme at two levels: trust in the information that {tech} produced, and trust between the professional groups whose work it connected.",
        "{trust_sentence}",
        "When information was missing, late or wrong, staff quickly reverted to older ways of checking, such as telephoning colleagues or keeping their own notes.",
        "A pharmacist explained: “Once you've been caught out once, you check everything twice, and then the system is making work rather than saving it” (P17, pharmacist).",
        "Trust was rebuilt slowly, and participants described it as something earned by the reliability of the system over weeks rather than promised by the programme.",
        "Trust between professional groups was also affected, since {short} made each group's work more visible to the others.",
        "Some staff welcomed this visibility, which they felt made it easier to coordinate care, while others experienced it as a form of surveillance.",
        "One nurse described how “suddenly the consultants could see exactly when we'd done the observations, and the first conversation was always about what we hadn't done” (P6, nurse).",
        "These findings echo the observation that health information technology reshapes professional relationships and accountabilities in ways that are rarely planned for {c:cresswell2013}.",
        "Where teams already had good relationships, visibility tended to strengthen coordination; where relationships were strained, it tended to sharpen conflict.",
    ],
    ("findings", "theme4"): [
        "!Participants had much to say about how the change had been led, and their accounts were strikingly consistent.",
        "Visible and accessible leadership in the weeks around go-live was remembered with appreciation, particularly when senior staff worked alongside frontline teams.",
        "A ward manager recalled: “The chief nurse came and did a night shift with us in the first week. People still talk about it” (P8, ward manager).",
        "After the initial period, however, many felt that leadership attention had moved on, and that problems raised through formal channels went unanswered for weeks.",
        "Ownership of {short} was contested: the programme team saw the service as responsible for making it work, while the service saw the programme as responsible for fixing its problems.",
        "This ambiguity was most damaging when issues crossed organisational boundaries, since no single leader felt able to resolve them.",
        ("Clinical leaders who had been involved in the design of {short} were seen as credible advocates, but several described the role as exhausting and largely unrecognised.",
         "One described it as “a second job that nobody gave me the hours for” (P12, clinical lead)."),
        "The findings suggest that the guiding coalition described in planned change models existed at go-live but was not sustained beyond it {c:kotter1996}.",
        "They also illustrate the difference between the technical work of implementation, which the programme managed well, and the adaptive work of changing practice, which depended on leadership in every team {c:heifetz2009}.",
        "Participants valued leaders who admitted uncertainty and asked for help, which is consistent with accounts of compassionate leadership in the NHS {c:west2017}.",
    ],
    ("findings", "theme5"): [
        "!{equity_sentence}",
        "{equity_detail}",
        "Staff were generally aware of these inequalities, but few felt they had the time or the means to address them.",
        "{equity_quote}",
        "Routine data did not record the characteristics needed to monitor these inequalities, so the extent of the problem could not be quantified.",
        "The findings reflect wider concerns that digital services can widen inequalities unless they are designed and monitored with equity in mind {c:who2021}.",
        "They also suggest that equity was treated as a matter for individual staff to manage case by case, rather than as a design principle for the service as a whole.",
    ],
    ("findings", "fsummary"): [
        "!Taken together, the themes show that the difficulties staff experienced were rarely caused by the technology alone, but by the way it interacted with existing work, relationships and structures.",
        "Shared understanding of the purpose of {short} was uneven, and depended on whether a respected clinician had explained it in person.",
        "Workarounds were common, and were better understood as signals of a poor fit between the technology and the work than as resistance {c:sittig2010}.",
        "Trust in the information was earned slowly, through reliability, and trust between professional groups was tested by the new visibility of their work.",
        "Leadership was visible and valued at go-live, but ownership of problems became contested once the programme moved on.",
        "Finally, the benefits of {short} were unevenly distributed, and equity depended on the discretion of individual staff rather than the design of the service.",
    ],
    ("discussion", None): [
        "!This chapter discusses the findings in relation to the literature reviewed in Chapter 2, considers their implications for leadership practice, and reflects on the strengths and limitations of the study.",
    ],
    ("discussion", "main"): [
        "!This study set out to understand how {short} had been implemented and adopted in its first {months} months, and what this meant for the leadership of digital change.",
        "Its main finding is that the difficulties staff experienced were rarely caused by the technology alone, but by the way it interacted with existing work, relationships and structures.",
        "This is consistent with a large body of literature on the implementation of health information technology {c:ross2016;cresswell2013}.",
        "The study adds to that literature by showing how these interactions were experienced by staff in one organisation over time, and how they were shaped by leadership decisions.",
        "The theme of sense-making supports the emphasis of normalisation process theory on coherence as the first condition for embedding a new practice {c:may2009}.",
        "It also qualifies the advice of planned change models to create a strong sense of urgency, since urgency without explanation appeared to suppress the questions through which staff made sense of the change {c:kotter1996}.",
        "The findings on workload and workarounds support sociotechnical accounts of implementation, and suggest that workarounds are better treated as information than as non-compliance {c:sittig2010}.",
        "Through the lens of NASSS, the service experienced complexity in several domains at once: the condition, the technology, the adopters and the organisation {c:greenhalgh2017}.",
        "NASSS would predict that such a service would struggle to scale and to sustain itself, and the participants' accounts of fragile ownership suggest that this prediction should be taken seriously.",
        "The finding that trust was earned slowly through reliability, rather than secured by communication, is consistent with the technology acceptance literature on the importance of perceived usefulness {c:holden2010}.",
        "However, the study also shows that trust was relational as well as technical, which individual models of acceptance do not capture {c:venkatesh2003}.",
        "The concerns about equity mirror those in the wider literature on digital health, and suggest that they are not resolved simply by the good intentions of individual staff {c:who2021}.",
        "{topic_discussion}",
    ],
    ("discussion", "implications"): [
        "!The findings have several implications for leaders of digital change in health and care.",
        "First, leaders need to invest as much in a shared understanding of the purpose of a change as in training people to use the technology.",
        "Explanations given in person by respected clinicians appeared far more effective than written communications from the programme.",
        "Second, the guiding coalition needs to be sustained beyond go-live, with explicit ownership of the problems that cross team and organisational boundaries.",
        "Third, leaders should create channels through which workarounds and concerns can be reported without blame, and treat them as a source of design improvement.",
        "This is consistent with the argument that psychological safety is a precondition of innovation, and that compassionate leadership helps to create it {c:west2017}.",
        "Fourth, equity should be built into the design and monitoring of the service, rather than left to the discretion of individual staff.",
        "Finally, the study supports the view that digital transformation is an adaptive challenge, which requires leaders to mobilise people to change their own practice rather than to deliver a solution to them {c:heifetz2009}.",
        "These implications are not new, but the study shows how easily they can be lost under the pressure of delivery, even in an organisation that knows them well.",
    ],
    ("discussion", "limitations"): [
        "!The study has several strengths, including the range of professional groups who took part and the depth of access that my insider position allowed.",
        "It also has limitations that should be considered when interpreting the findings.",
        "It was conducted in a single organisation, and its findings may not transfer to settings with different histories, cultures or technologies.",
        "Participants were self-selected, and people with strong views, whether positive or negative, may have been more likely to take part.",
        "{limitation_users}",
        "My position as an insider may have influenced what participants told me, despite the steps taken to reduce this.",
        "The routine data were limited and could not be linked to outcomes, so the study cannot comment on the effectiveness or safety of {short}.",
        "Finally, the study covered only the first {months} months after go-live, and some of the difficulties described may resolve as the service matures.",
    ],
    ("discussion", "reflection"): [
        "!Carrying out this study changed how I understand my own role as a leader of change.",
        "Before the study I saw my task mainly as solving problems for my team, and I was frustrated when solutions that seemed obvious were not adopted.",
        "The interviews showed me how differently the same change looked from different positions, and how much of what I had interpreted as resistance was in fact a reasonable response to a poor fit between the technology and the work.",
        "My reflective diary records my discomfort when participants criticised decisions in which I had been involved, and my temptation to explain or defend them during the interviews.",
        "Learning to listen without defending was perhaps the most important leadership lesson of the project.",
        "I have since changed how I run our team meetings, with a standing item on workarounds and a deliberate effort to hear from the least senior staff first.",
    ],
    ("conclusion", None): [
        "!This dissertation has examined the implementation of {short} in {org} from the perspective of the staff who made it work.",
        "It found that the success of the change depended less on the technology than on shared understanding, workable processes, trusted information and sustained leadership.",
        "Where these were present, staff adopted {short} and adapted it to their work; where they were absent, staff worked around it or returned to older practices.",
        "The study contributes a practitioner's account of digital change that complements the largely external literature on implementation.",
        "It also shows the value of structured enquiry for developing the insight and humility that leading such change requires.",
        "Digital technologies will continue to be introduced into health services at pace, and the lessons of this study are likely to be relevant well beyond the service in which it took place.",
    ],
    ("conclusion", "recommendations"): [
        {"lead": "!On the basis of the findings, the following recommendations are made to the trust's leadership team:", "items": [
            "Appoint a named senior sponsor for {short} with the authority to resolve problems across team and organisational boundaries.",
            "Ask respected clinical leaders to explain the purpose of future digital changes in person, in team meetings and safety huddles, before training begins.",
            "Establish a blame-free route for reporting workarounds, and review the reports monthly with the digital team.",
            "Give digital champions protected time, and recognise the role in job plans and appraisal.",
            "Collect the data needed to monitor equity of access and outcomes, and report them to the board.",
            "Commission an evaluation of outcomes and costs before {short} is expanded further.",
        ]},
        "Each recommendation has been discussed with the relevant service leads, who considered it feasible within existing resources.",
    ],
    ("conclusion", "further"): [
        "!Further research should examine the experience of {further_users} in more depth, and follow {short} over a longer period to understand how it is sustained.",
        "A comparative study across several trusts would help to distinguish the features of this case from those common to digital change more generally.",
    ],
}

# The topic's own text: virtual wards or electronic patient records.
DISS_TOPIC_BANK = {
    "vw": {
        ("intro", "context"): [
            "!{Org} is a community health trust serving a population of around {population} people across a mixed urban and rural area.",
            "In {golive} the trust opened a virtual ward for frail older people, jointly with the local acute trust and the primary care networks in its area.",
            "The virtual ward offers hospital-level care at home for up to {beds} patients at a time, combining daily review by a multidisciplinary team with remote monitoring of vital signs through {tech}.",
            "Patients are admitted either as an alternative to an acute admission, on referral from general practice, the ambulance service or the urgent community response team, or to support an earlier discharge from hospital.",
            "The service was funded initially through national virtual ward monies, and its continuation depends on evidence that it is safe, valued by patients and affordable.",
            "I joined the service at its launch as {role}, with responsibility for the day-to-day running of the team and for its clinical pathways.",
        ],
        ("lit", "topic"): [
            "!Virtual wards are not new: the term was first used in England in the mid-2000s for a model of case management for people at high risk of admission, well before the recent growth of remote monitoring.",
            "The current model is closer to hospital at home, in which a multidisciplinary team provides acute care in the patient's own home for a limited period.",
            "A Cochrane review of admission avoidance hospital at home found little or no difference in mortality at six months compared with hospital admission, with higher patient satisfaction and possibly fewer admissions to residential care {c:shepperd2016}.",
            "The trials in that review were small and heterogeneous, however, and most predated the use of remote monitoring technology.",
            "During the COVID-19 pandemic, remote home monitoring was adopted rapidly for patients with confirmed or suspected infection, and a rapid systematic review found it to be broadly safe and acceptable {c:vindrolapadros2021}.",
            "The same review noted that the evidence on outcomes was weak and that models varied widely in their eligibility criteria, staffing and use of technology {c:vindrolapadros2021}.",
            "{n:norman2023} synthesised the evidence on virtual wards for older people and concluded that, while promising, they had been expanded faster than the evidence on their effectiveness and cost had accumulated.",
            "They also observed that frailty, cognitive impairment and limited digital access could all exclude older people from technology-enabled models unless these were deliberately designed around them {c:norman2023}.",
            "Remote assessment also changed clinical work in ways that were only partly anticipated, as {n:greenhalgh2020a} observed of remote assessment in primary care during the pandemic.",
            "The experience of video consultation in the same period showed both how quickly practice can change under pressure and how unevenly the benefits are shared {c:greenhalgh2020b}.",
            "National policy has nevertheless committed to a large expansion of virtual ward capacity, framing it as a way to relieve pressure on acute beds {c:nhse2019}.",
            "The gap between the pace of policy and the state of the evidence is an important part of the context in which local leaders are now working.",
        ],
    },
    "epr": {
        ("intro", "context"): [
            "!{Org} is a district general hospital trust with around {beds} beds, serving a population of roughly {population} people.",
            "Until {golive} the trust relied on a mixture of paper notes, a legacy patient administration system and more than forty departmental systems that did not share information.",
            "In {golive} the trust replaced these with a single electronic patient record, implemented in one go-live across all inpatient areas and outpatient clinics.",
            "The programme was clinically led, with a chief clinical information officer, a network of digital champions on every ward and a period of intensive floor-walking support in the first six weeks.",
            "The business case promised safer prescribing, more complete records and less time spent searching for information, alongside the retirement of costly legacy systems.",
            "I work in the trust as {role}, and was involved in the programme as a digital champion and later as a member of its clinical safety group.",
        ],
        ("lit", "topic"): [
            "!Electronic patient records have been promoted for more than two decades as the foundation of safer, more efficient and better coordinated care.",
            "The National Programme for IT in England set out to deliver an electronic record for every patient, but it was dismantled after a decade in which deployment fell far short of its ambitions.",
            "The national evaluation of the programme's early adopter hospitals found that implementation was slower, more difficult and more disruptive than planned {c:robertson2010}.",
            "Its final report concluded that hospital record systems needed to be configured locally and adopted incrementally, with far more attention to the work of clinicians than the programme had given {c:sheikh2011}.",
            "Evidence on the benefits of electronic records is mixed, and a systematic overview found that many of the claimed benefits had not been demonstrated in rigorous studies {c:black2011}.",
            "Computerised prescribing can reduce some errors while introducing new ones, as {n:koppel2005} showed in a widely cited study of a hospital order entry system.",
            "Barriers to adoption reported by physicians include cost, time, technical problems and a perceived loss of professional autonomy {c:boonstra2010}.",
            "A systematic review comparing user groups found that nurses, doctors and managers perceived different barriers and facilitators, which implies that one approach to engagement will not fit all {c:mcginn2011}.",
            "{n:ajami2013} similarly identified the time required to learn and use a new system as the barrier most often reported by clinicians.",
            "The rapid shift to remote working during the pandemic showed how quickly clinical practice can change when the need is pressing and the technology is simple {c:greenhalgh2020b}.",
            "Most of this literature comes from the United States, where the incentives for adoption have differed greatly from those in the NHS, and its transferability is therefore uncertain.",
            "Studies of the period after go-live, when records systems are optimised and practices stabilise, are much rarer than studies of the go-live itself.",
        ],
    },
}

DISS_FOOTNOTES = {
    ("intro", "context"): "The trust's name and some details of the service have been changed to protect the anonymity of participants.",
    ("lit", "search"): "The full search strategy, with the number of records found in each database, is available from the author on request.",
    ("methods", "ethics"): "The trust's research and development office classified the project as service evaluation for the purposes of NHS research governance.",
    ("findings", "overview"): "Figures were extracted from the trust's reporting system at the end of the study period and may differ slightly from those later published in board reports.",
}

DISS_CONTEXTS = {
    "vw": dict(
        service="a virtual ward for frail older people", short="the virtual ward", tech="the remote monitoring platform",
        lit_topic="virtual wards and hospital at home", search_terms="virtual ward, hospital at home and remote monitoring",
        topic_heading=["Virtual wards and hospital at home", "The evidence on virtual wards"],
        topic_gap="how virtual wards for frail older people are experienced by the staff who run them once the initial enthusiasm of launch has passed",
        routine_data="admissions, length of stay, escalations to hospital and use of the monitoring equipment",
        purpose_managers="releasing acute beds and meeting the national target for virtual ward capacity",
        workload_sentence="Community nurses described the daily review of monitoring data as a new and largely invisible layer of work, added to caseloads that had not been reduced to make room for it.",
        new_tasks="setting up equipment in patients' homes, chasing readings that had not been submitted and explaining alerts to worried relatives",
        workaround_sentence="For example, some staff telephoned patients for readings rather than waiting for the platform to upload them, and recorded the results in free text rather than in the structured fields.",
        trust_sentence="Clinicians were initially sceptical of readings taken by patients or carers at home, particularly oxygen saturation in people with poor circulation, and often repeated them on their visits.",
        equity_sentence="Patients who lived alone, had cognitive impairment or had no reliable mobile signal were less likely to be admitted to the virtual ward, and more likely to be readmitted to hospital if they were.",
        equity_detail="Staff described making case-by-case judgements about who could safely be monitored at home, and several admitted that these judgements favoured patients with family support.",
        equity_quote="An occupational therapist said: “We designed it for the patient who has broadband and a daughter who can help. That's not most of our patients” (P15, occupational therapist).",
        limitation_users="Only a small number of patients and carers were interviewed, and the study therefore says more about the experience of staff than about that of the people they care for.",
        further_users="patients and carers",
        topic_discussion="The findings add weight to the concern that virtual wards have been expanded faster than the evidence on their effectiveness and acceptability to older people {c:norman2023}.",
        titles=["Leading a virtual ward into routine care: a qualitative study of implementation in a community trust",
                "From launch to routine care: staff experiences of a virtual ward for frail older people",
                "Hospital at home, leadership at a distance: implementing a virtual ward for frail older people"],
        orgs=["Eastbrook Community Health NHS Trust", "Wyvern Valley Community Services NHS Trust"],
        roles=["the operational lead for the virtual ward", "a senior nurse and deputy lead for the virtual ward"],
    ),
    "epr": dict(
        service="an electronic patient record", short="the EPR", tech="the new EPR",
        lit_topic="electronic patient records in hospitals", search_terms="electronic patient record, electronic health record and clinical information system",
        topic_heading=["Electronic patient records in hospitals", "The evidence on electronic patient records"],
        topic_gap="how hospital staff experience the months after an EPR go-live, when the programme team has left and the system must become part of ordinary work",
        routine_data="log-ins, electronic prescribing, completion of nursing assessments and calls to the service desk",
        purpose_managers="patient safety, the retirement of legacy systems and the trust's standing in national digital maturity assessments",
        workload_sentence="Nurses and doctors described documentation taking longer than on paper, particularly admission assessments and discharge summaries, which now required many more fields to be completed.",
        new_tasks="reconciling medicines lists imported from other systems, correcting duplicate patient records and printing documents for services that were not yet on the EPR",
        workaround_sentence="For example, some doctors shared log-in sessions on ward computers to save time, and some nurses kept paper handover sheets alongside the electronic record.",
        trust_sentence="Staff were initially wary of information migrated from the legacy systems, particularly allergy records and medicines lists, and often checked them against paper notes.",
        equity_sentence="Staff with less confidence in using computers, many of them older or working part time, found the change considerably harder than their colleagues.",
        equity_detail="Bank and agency staff, who had received only brief training, were often unable to complete key tasks and relied on permanent staff to do so for them.",
        equity_quote="A ward sister said: “The ones who struggled were the ones who never asked, and we were all too busy to notice until something went wrong” (P15, ward sister).",
        limitation_users="The study did not include patients, whose experience of the EPR, for example through the patient portal, was beyond its scope.",
        further_users="patients and of bank and agency staff",
        topic_discussion="The findings add to the evidence from the national programme that hospital records systems must be adopted incrementally, with close attention to the work of clinicians {c:sheikh2011;robertson2010}.",
        titles=["After go-live: staff experiences of adopting an electronic patient record in a district general hospital",
                "Making the EPR work: a qualitative study of leadership and adoption after go-live",
                "Living with the new record: a qualitative study of electronic patient record adoption in an acute trust"],
        orgs=["Riverside Hospitals NHS Foundation Trust", "Hartmoor General Hospital NHS Trust"],
        roles=["a matron for medicine", "a lead pharmacist for medicines safety"],
    ),
}

# More text: new subsections and longer themes, so that a full dissertation reaches
# 10,000 words and one without a Discussion chapter still reaches 8,500.
DISS_OUTLINE[0][2].insert(2, ("motivation", ["My role and motivation", "Personal motivation for the study"]))
DISS_OUTLINE[1][2].insert(4, ("evaluation", ["Evaluating digital health services"]))
DISS_OUTLINE[2][2].insert(1, ("paradigm", ["Philosophical position", "Research paradigm"]))
DISS_OUTLINE[4][2].insert(2, ("policy", ["Implications for policy"]))

DISS_BANK.update({
    ("intro", "motivation"): [
        "!My interest in this topic comes from my own experience of leading a team through the introduction of {short}.",
        "In the months after go-live I was struck by how differently colleagues responded to the same change, and by how little our plans had anticipated those differences.",
        "Some colleagues became enthusiastic advocates within weeks, while others, who were equally committed to their patients, found the change exhausting and at times demoralising.",
        "I also became aware that my own assumptions about what the change would mean for the team had been shaped more by the business case than by the experience of the people doing the work.",
        "The programme had been managed with care, and yet the problems that occupied most of my time were ones that no project plan had mentioned.",
        "Undertaking this study was therefore a way of stepping back from the daily work of implementation to understand it more deeply, and of testing my own assumptions against the experience of others.",
        "I hoped that the findings would be of practical use to the trust, which is planning further digital changes over the next three years, and to other leaders in similar positions.",
    ],
    ("lit", "evaluation"): [
        "!The evaluation of digital health services raises particular challenges, because the technologies change quickly and their effects depend heavily on the context in which they are used {c:murray2016}.",
        "Randomised trials remain the strongest design for estimating effectiveness, but they are slow and expensive, and their results may be out of date by the time they are published.",
        "The Medical Research Council framework for complex interventions recognises this, and encourages evaluators to ask not only whether an intervention works but how it interacts with its context {c:skivington2021}.",
        "Process evaluation has become a standard companion to outcome evaluation for this reason, since it can explain why an intervention succeeded or failed in a particular setting {c:moore2015}.",
        "Implementation outcomes such as acceptability, adoption, fidelity and sustainability are distinct from clinical outcomes, and a service may fail because of poor implementation rather than because the intervention is ineffective {c:proctor2011}.",
        "In the NHS, the evidence standards framework for digital health technologies sets out the kinds of evidence expected for technologies of different levels of risk {c:nice2019}.",
        "The framework is helpful for commissioners, but it says little about the organisational conditions under which a technology will deliver its expected benefits in practice.",
        "The Model for Assessment of Telemedicine Applications offers a broader view, covering safety, clinical effectiveness, patient perspectives, economic and organisational aspects {c:kidholm2012}.",
        "Few local evaluations have the resources to address all of these domains, and many rely on routine data that were not designed for the purpose.",
        "Qualitative studies of the experience of staff and patients therefore play an important part in understanding digital services, even where they cannot establish effectiveness.",
    ],
    ("methods", "paradigm"): [
        "!Every research design rests on assumptions about the nature of reality and how it can be known, and it is important to make these explicit.",
        "Positivist research assumes that there is a single reality that can be measured objectively, and seeks to establish relationships between variables that hold across settings.",
        "Interpretivist research assumes instead that people construct the meaning of their experiences, and that understanding those meanings requires close engagement with the people concerned.",
        "This study adopted an interpretivist position, because its aim was to understand how staff experienced and made sense of a change, rather than to measure its effects.",
        "The position also fits the practice-based nature of the study, in which I am part of the setting I am studying and cannot claim to stand outside it {c:coghlan2014}.",
        "A critical realist position, which holds that there are real mechanisms underlying experience that can only be known imperfectly, was also considered {c:pawson1997}.",
        "Critical realism would have suited a study of how the service produced its outcomes, but the available data were not rich enough to support claims about causal mechanisms.",
        "The interpretivist position has consequences for how the quality of the study should be judged, which are discussed later in this chapter.",
    ],
    ("discussion", "policy"): [
        "!Although this was a local study, its findings have some implications for national policy on digital health.",
        "National targets and funding have encouraged organisations to introduce digital services quickly, often on short-term funding that ends before the service has become established {c:nhse2019}.",
        "The findings suggest that the period after go-live, when attention and funding tend to fall away, is exactly when leadership and support are most needed.",
        "Policy that rewards the launch of services rather than their sustained adoption may therefore be counterproductive, encouraging organisations to start more than they can sustain.",
        "The workforce implications are also significant, since the roles that made the change work, such as digital champions and clinical leads, were rarely funded or formally recognised {c:topol2019}.",
        "Finally, national bodies could do more to require and support the collection of the data needed to monitor equity of access to digital services {c:who2021}.",
    ],
})

DISS_BANK[("intro", "background")] += [
    "The NHS has a long history of ambitious national programmes for information technology, and of the difficulties they have encountered when national designs meet local practice {c:sheikh2011}.",
    "More recent policy has placed greater emphasis on local ownership, on clinical leadership and on the skills of the workforce, recognising some of the lessons of those earlier programmes {c:honeyman2016}.",
    "Leaders at every level are now expected to lead digital change alongside their other responsibilities, often with little preparation and in services already operating under pressure {c:maguire2018}.",
]
DISS_BANK[("lit", "leadership")] += [
    "Critics of heroic models of leadership argue that change in complex organisations depends on many people acting as leaders, not only on those with formal authority {c:west2017}.",
    "Distributed and collective forms of leadership are therefore particularly relevant to digital change, which touches the work of every professional group at once.",
    "The literature on change readiness suggests that the history of previous changes in an organisation shapes how staff respond to the next one, so that failed programmes cast a long shadow {c:greenhalgh2004}.",
]
DISS_BANK[("methods", "collection")] += [
    "Interviews began with open questions about participants' roles and their experience of the change, before moving to more specific prompts about the themes of the topic guide.",
    "I used prompts sparingly, and followed up on issues that participants raised themselves, even where these were not in the topic guide.",
    "At the end of each interview I asked participants whether there was anything else they wanted to say, which often produced some of the most candid comments.",
]
DISS_BANK[("methods", "analysis")] += [
    "Analysis began alongside data collection, so that ideas developed in early interviews could be explored in later ones.",
    "Throughout the analysis I wrote memos recording my developing interpretations, my uncertainties and the connections I saw between codes.",
    "Negative cases, in which participants described experiences that ran against an emerging theme, were actively sought and used to refine the themes.",
]
DISS_BANK[("methods", "design")] += [
    "Other qualitative approaches were considered, including ethnography, which would have allowed observation of practice but would have required more time than was available.",
    "A case study design was also considered, and the study shares some of its features, in particular its focus on a single service in its organisational context.",
]
DISS_BANK[("findings", "theme1")] += [
    "A therapist contrasted the training with the reality: “The training showed us how to click through it. It didn't show us what to do when the patient in front of you doesn't fit the screen” (P13, therapist).",
    "Managers were often aware that staff understood the change differently, but tended to attribute this to resistance rather than to gaps in explanation.",
    "Over time, a shared account did develop in most teams, but it was built from stories of particular patients rather than from the objectives of the business case.",
    "One nurse described the moment her view changed: “We had a lady we'd have sent into hospital a year ago, and she stayed at home and did well. After that I understood what it was for” (P5, nurse).",
    "Stories of this kind spread quickly between staff, and several participants said they had been more persuaded by a colleague's experience than by any formal communication.",
]
DISS_BANK[("findings", "theme2")] += [
    "Managers acknowledged the extra work, but described pressure from the programme to report benefits that had not yet materialised.",
    "A service manager explained: “We were being asked for the time savings in the first quarter, when everyone was still learning. It made people cynical about the whole thing” (P3, service manager).",
    "Some participants described workarounds with a degree of pride, as evidence of their ability to keep care going despite the system, while others were uneasy about them.",
    "A nurse reflected: “You do what you have to do to get through the shift, but I worry that one day one of those shortcuts will catch someone out” (P7, nurse).",
    "The distinction between acceptable and unacceptable workarounds was rarely made explicit, and staff were often unsure whether managers knew or approved of them.",
    "Where managers had invited staff to report workarounds without blame, the reports led to changes that reduced the need for them.",
]
DISS_BANK[("findings", "theme3")] += [
    "Trust also depended on whether staff could see what happened to the information they entered, and whether anyone acted on it.",
    "A doctor explained: “If I put something in and nothing happens, and I don't know whether anyone has seen it, I'll pick up the phone. That's just safe practice” (P10, doctor).",
    "Some staff described a gradual shift from checking everything to checking selectively, as they learnt which parts of the system were reliable and which were not.",
    "Staff who had been involved in testing the system before go-live tended to trust it more, because they understood how the information was produced and where it could go wrong.",
    "Trust between teams was also influenced by how problems were handled, and a blaming response to an early error was remembered by several participants long after the event.",
]
DISS_BANK[("findings", "theme4")] += [
    "Digital champions were widely described as the most useful source of support, but their availability varied greatly between teams and between shifts.",
    "A champion said: “People would wait until I was on shift to ask me, because they didn't want to ring the service desk and feel stupid” (P16, digital champion).",
    "Several participants contrasted the programme's governance, which they saw as thorough, with the informal support on which they actually relied.",
    "Middle managers described being caught between the expectations of the programme and the concerns of their teams, and few felt they had been prepared for this role.",
    "One said: “I was supposed to be the voice of the programme to my team and the voice of my team to the programme, and I didn't have time to be either properly” (P1, ward manager).",
]
DISS_BANK[("findings", "theme5")] += [
    "Some staff had developed informal ways of supporting those who found the change hardest, such as pairing less confident colleagues with champions or spending extra time with particular patients.",
    "These efforts were valued but fragile, since they depended on the goodwill of individuals and were rarely visible to managers.",
    "Several participants suggested that the people who were struggling were the least likely to say so, and that the service needed to seek them out rather than wait to be told.",
]
DISS_BANK[("discussion", "main")] += [
    "The findings on leadership are consistent with the argument that digital change requires distributed leadership, in which clinical and operational leaders at every level take responsibility for adapting the change to their own services {c:bevan2014}.",
    "They also suggest that the middle managers who carry much of this responsibility need more preparation and support than they currently receive {c:maguire2018}.",
    "The role of stories in building shared understanding is rarely discussed in the implementation literature, but fits accounts of sense-making in organisations and of the importance of narrative in leadership.",
    "The contrast between formal governance and informal support echoes the finding of {n:cresswell2013b} that large-scale implementations depend on attention to local context and on the management of expectations.",
]
DISS_BANK[("discussion", "implications")] += [
    "Leaders should also attend to the experience of middle managers, who are asked to translate between the programme and their teams, and ensure that they have the time and support to do so.",
    "Stories of individual patients and staff were more persuasive than formal communications, and leaders could make deliberate use of them in explaining the purpose of future changes.",
]
DISS_BANK[("conclusion", None)] += [
    "The study also found that the period after go-live, when attention and funding tend to fall away, was when leadership and support were most needed.",
    "For my own practice, the most important lesson has been the value of listening to colleagues without defending decisions, and of treating their difficulties as information rather than resistance.",
]
DISS_TOPIC_BANK["vw"][("lit", "topic")] += [
    "Evidence on the costs of virtual wards is particularly limited, and estimates of savings often assume that every admission to a virtual ward would otherwise have been an admission to hospital.",
    "Qualitative studies of hospital at home suggest that patients and carers generally value being cared for at home, but that carers can experience a considerable burden of responsibility {c:shepperd2016}.",
    "Studies of staff experience are fewer, and mostly describe the early stages of services established during the pandemic rather than their later development {c:vindrolapadros2021}.",
]
DISS_TOPIC_BANK["epr"][("lit", "topic")] += [
    "The experience of the national programme has been summarised as a lesson in the limits of centralised procurement, and in the importance of local clinical ownership {c:wachter2016}.",
    "Qualitative studies of hospital record systems describe a period of disruption after go-live in which productivity falls, workarounds multiply and staff morale is tested {c:robertson2010}.",
    "How long this period lasts, and what leaders can do to shorten it, are questions on which the literature offers relatively little guidance.",
]
DISS_TOPIC_BANK["vw"][("intro", "context")] += [
    "The service is staffed by community nurses, advanced clinical practitioners, therapists and a consultant geriatrician, with medical cover from a rota of general practitioners with a special interest in frailty.",
    "By the time of this study, it had admitted several hundred patients and was regarded nationally as one of the more established virtual wards for older people.",
]
DISS_TOPIC_BANK["epr"][("intro", "context")] += [
    "The go-live was preceded by eighteen months of preparation, including the configuration of clinical content by working groups of staff and a programme of training for more than four thousand people.",
    "By the time of this study, the trust had completed its first year on the new record and was beginning a programme of optimisation.",
]
DISS_OUTLINE[0][2].insert(1, ("policy", ["The policy context", "National policy context"]))
DISS_OUTLINE[1][2].insert(5, ("inclusion", ["Digital inclusion and health inequalities"]))
DISS_OUTLINE[2][2].insert(5, ("routine", ["Use of routine data"]))
DISS_OUTLINE[2][2].insert(7, ("rigour", ["Quality and rigour"]))
DISS_OUTLINE[5][2].insert(1, ("objectives", ["Meeting the objectives of the study"]))

DISS_BANK.update({
    ("intro", "policy"): [
        "!National policy in England has set out an ambition for a digitally enabled NHS, in which every organisation has an electronic patient record and care can be delivered at home where that is safe {c:nhse2019}.",
        "The ambition is supported by national funding, digital maturity assessments and targets, which together create strong incentives for organisations to introduce new digital services quickly.",
        "At the same time, the workforce is expected to develop new digital skills, and organisations are encouraged to appoint clinical leaders for digital change at board level {c:topol2019}.",
        "Internationally, the World Health Organization has called on health systems to treat digital health as an integral part of their strategies rather than as a separate programme of work {c:who2021}.",
        "These policies create a context in which local leaders are expected to deliver digital change at pace, often while also responding to operational pressures and financial constraint.",
        "They also create a risk that digital services are judged by whether they have been launched rather than by whether they have been adopted and sustained.",
    ],
    ("lit", "inclusion"): [
        "!A growing literature warns that digital services can widen health inequalities if they are easier to use for some groups than for others {c:who2021}.",
        "People who are older, poorer, disabled or less confident with technology are less likely to use digital services, and are often the people with the greatest need for care.",
        "The concept of digital inclusion draws attention to access to devices and connectivity, but also to skills, confidence and the motivation to use digital services.",
        "For staff, digital inclusion raises similar questions, since not all members of the workforce have the same confidence or the same opportunities to develop their skills {c:topol2019}.",
        "Frameworks for designing digital services increasingly emphasise the involvement of the people most at risk of exclusion from the earliest stages of design {c:vangemert2011}.",
        "Few studies, however, describe how equity is considered in practice once a digital service is running, or who takes responsibility for it.",
        "This question is particularly relevant for leaders, since the decisions that shape equity are often made quickly, under pressure, and without the data needed to monitor their effects.",
    ],
    ("methods", "routine"): [
        "!Routine data were used to describe the scale and pattern of activity during the study period, not to evaluate the effectiveness of {short}.",
        "The measures were chosen with the business intelligence team to reflect the aspects of the service discussed in the interviews.",
        "All figures were supplied as aggregated counts, so that no individual patient or member of staff could be identified.",
        "The quality of the routine data was variable, and several measures could not be produced because the relevant information was not recorded in a structured form.",
        "These gaps are themselves a finding of the study, and are discussed in relation to the theme of equity.",
    ],
    ("methods", "rigour"): [
        "!The quality of qualitative research cannot be judged by the criteria used for quantitative studies, such as statistical generalisability, and different criteria are needed {c:lincoln1985}.",
        "Transferability was supported by describing the setting and participants in enough detail for readers to judge whether the findings might apply to their own context.",
        "Dependability was supported by keeping an audit trail of decisions made during the analysis, including the development of the coding framework.",
        "Confirmability was supported by the reflective diary and by discussion of the analysis with my supervisor, who challenged interpretations that seemed to go beyond the data.",
        "I also sought to demonstrate the reflexivity that reflexive thematic analysis requires, by being explicit about how my own position shaped the analysis {c:braun2019}.",
    ],
    ("conclusion", "objectives"): [
        "!The first objective was to explore how staff understood the purpose of {short}, and the study found that this understanding was uneven and depended on explanation in person.",
        "The second objective was to identify what helped and hindered adoption, and the study found that workload, workarounds, trust in data and the support of champions were the most important factors.",
        "The third objective was to examine how the change was led, and the study found that leadership was visible and valued at go-live but that ownership became contested afterwards.",
        "The fourth objective was to make recommendations, which are set out below.",
    ],
})
DISS_BANK[("findings", "theme1")] += [
    "Understanding also differed between professional groups, with medical staff more likely to describe the change in terms of clinical safety and nursing staff in terms of workload.",
]
DISS_BANK[("findings", "theme2")] += [
    "Several participants suggested that the time needed to learn the new ways of working should have been built into rotas, rather than expected on top of existing work.",
    "Where this had been done, for example through protected learning sessions in the first month, staff described the transition as noticeably less stressful.",
]
DISS_BANK[("findings", "theme3")] += [
    "Over the period of the study, most participants reported that their trust in the information had increased, although few said they relied on it completely.",
]
DISS_BANK[("findings", "theme4")] += [
    "Several participants also noted that the programme's communications had been written for a general audience and did not reflect the realities of their particular services.",
    "Where local leaders had adapted the messages for their own teams, staff described feeling more involved in the change and more willing to raise problems.",
]
DISS_BANK[("findings", "theme5")] += [
    "A manager acknowledged the gap: “We never set out to exclude anyone, but we never set out not to, either. Nobody asked the question until it was too late” (P18, manager).",
]
DISS_BANK[("findings", "theme2")] += [
    "Night staff described a particular sense of isolation, since support from the digital team was only available during office hours in the first months.",
    "One explained: “At three in the morning it's just you and the screen, and if it won't do what you need, you find a way round it” (P19, nurse).",
]
DISS_BANK[("findings", "theme3")] += [
    "Staff also described how trust in the information was affected by what they heard from colleagues, so that a single well-publicised error could undermine confidence across a whole team.",
    "Conversely, occasions on which the information had helped to prevent harm were retold as evidence that the system could be relied upon.",
]
DISS_BANK[("findings", "theme4")] += [
    "Participants were also aware of the pressures on senior leaders, and several were sympathetic to the competing demands on their attention.",
    "Nevertheless, they described a gap between the strategic commitment expressed at board level and the practical support available when problems arose in their own services.",
]
DISS_BANK[("lit", "adoption")] += [
    "The practical value of these frameworks for leaders lies less in their completeness than in the questions they prompt about the conditions for adoption in a particular setting.",
    "A common criticism is that they are used to describe implementation after the event rather than to guide it, and that their use in practice is often superficial {c:nilsen2015}.",
]
DISS_BANK[("lit", "evaluation")] += [
    "Local evaluations are often conducted by people who are also responsible for the service, which brings both insight and a risk of bias that needs to be managed openly {c:coghlan2014}.",
]
DISS_BANK[("methods", "sampling")] += [
    "Participants who had left the service during the study period were also invited, since their reasons for leaving might shed light on the difficulties of the change, and two of them took part.",
]
DISS_BANK[("conclusion", None)] += [
    "None of these findings suggests that the change was a mistake, and most participants believed that {short} had improved care for at least some patients.",
    "Rather, they suggest that the benefits of digital change depend on leadership that continues long after the launch, and on attention to the people for whom the change is hardest.",
]
DISS_BANK[("findings", "theme5")] += [
    "Participants also noted that the people most likely to be left behind were the least likely to complain, so that their difficulties rarely reached the programme's formal channels.",
    "Some suggested simple measures, such as recording why people were not offered the service, that would make these difficulties visible without adding much to anyone's workload.",
]
DISS_BANK[("findings", "overview")] += [
    "Participants were interviewed once each, and the interviews were spread across the study period, so that some described the early months of the change and others a more settled service.",
]
DISS_BANK[("methods", "reflexivity")] += [
    "I also discussed my developing interpretations with a critical friend from another organisation, who was able to question assumptions that colleagues within the trust might have shared.",
]

DISS_ABSTRACT = {
    "vw": {
        "normal": [
            "Background: Virtual wards are being expanded rapidly across the NHS as a way of providing hospital-level care at home, but little is known about how they are implemented and experienced by the staff who run them.",
            "Aim: To understand how a virtual ward for frail older people was implemented and adopted in its first {months} months, and what this meant for the leadership of digital change.",
            "Methods: A qualitative study in a community health trust in England. Semi-structured interviews were held with {n_int} participants, including nurses, doctors, therapists, managers, patients and carers, and analysed using reflexive thematic analysis informed by the NASSS framework. Routine data on admissions, length of stay and escalations set the interviews in context.",
            "Findings: Five themes were generated: making sense of the change; workload, workflow and workarounds; trust in data and in each other; leadership, ownership and sponsorship; and equity. Shared understanding of the purpose of the virtual ward depended on explanation in person by respected clinicians. Reviewing monitoring data added an invisible layer of work, and workarounds signalled a poor fit between the technology and clinical practice. Trust in readings taken at home was earned slowly. Leadership was visible at launch, but ownership of problems that crossed organisational boundaries later became contested, and patients without family support or reliable connectivity were less likely to benefit.",
            "Conclusion: The success of the virtual ward depended less on its technology than on shared understanding, workable processes, trusted information and sustained leadership. Leaders of digital change should sustain sponsorship beyond launch, treat workarounds as information and design for equity from the start.",
        ],
        "extra": {
            0: "National policy has set ambitious targets for virtual ward capacity, and many services were established quickly on short-term funding, leaving their leaders to build the case for continuation while still learning how to run them.",
            2: "Interviews took place between {study_start} and {study_end}, and those with staff I line-manage were conducted by a colleague to reduce the influence of my position as an insider researcher.",
            3: "Participants described the change as continuing long after launch, and valued leaders who admitted uncertainty and asked for help.",
            4: "The study also shows the value of practitioner research for developing the reflexivity that leading such change requires, and recommends an evaluation of outcomes and costs before the service is expanded further.",
        },
        "keywords": "Keywords: virtual wards; hospital at home; frailty; digital health; leadership; qualitative research",
    },
    "epr": {
        "normal": [
            "Background: Electronic patient records are central to NHS digital policy, but their adoption in hospitals has often been slower and more disruptive than planned, and little is known about the months after go-live.",
            "Aim: To understand how an electronic patient record was adopted by staff in a district general hospital in its first {months} months, and what this meant for the leadership of digital change.",
            "Methods: A qualitative study in one acute trust in England. Semi-structured interviews were held with {n_int} members of staff, including nurses, doctors, pharmacists, therapists, managers and members of the programme team, and analysed using reflexive thematic analysis informed by the NASSS framework. Routine data on use of the system set the interviews in context.",
            "Findings: Five themes were generated: making sense of the change; workload, workflow and workarounds; trust in data and in each other; leadership, ownership and sponsorship; and equity. Understanding of the purpose of the record was uneven and depended on explanation in person. Documentation took longer than on paper, and workarounds such as shared log-ins signalled a poor fit with clinical work. Trust in migrated information was earned slowly. Leadership was highly visible at go-live, but ownership of problems later became contested, and staff with less digital confidence, including bank and agency staff, struggled most.",
            "Conclusion: Adoption depended less on the system itself than on shared understanding, workable processes, trusted information and sustained leadership. Leaders should sustain sponsorship beyond go-live, treat workarounds as information and support the staff most likely to be left behind.",
        ],
        "extra": {
            0: "Trusts are under pressure to reach national standards of digital maturity, and many have replaced their records systems in a single go-live, leaving clinical leaders to stabilise the new system while continuing to deliver care.",
            2: "Interviews took place between {study_start} and {study_end}, and those with staff I line-manage were conducted by a colleague to reduce the influence of my position as an insider researcher.",
            3: "Participants described adoption as continuing long after go-live, and valued leaders who admitted uncertainty and asked for help.",
            4: "The study also shows the value of practitioner research for developing the reflexivity that leading such change requires, and recommends a programme of optimisation led by clinicians.",
        },
        "keywords": "Keywords: electronic patient record; electronic health record; adoption; digital health; leadership; qualitative research",
    },
}

NUMBER_WORDS = {18: "Eighteen", 19: "Nineteen", 20: "Twenty", 21: "Twenty-one", 22: "Twenty-two", 23: "Twenty-three", 24: "Twenty-four"}

DPLACEHOLDER = re.compile(r"\{([A-Za-z_]+)(?::([\w;@]+))?\}")


def diss_render(template, ctx, cites=None):
    """Fills a dissertation template: context values first (they may hold citations), then
    citations; every citation rendered is appended to `cites` (one per occurrence). Works in
    ctx["uncited"] are left out of bracketed citations (a bracket left empty goes)."""
    text = template
    for _ in range(3):
        def context_value(match):
            name = match.group(1)
            if name in ("c", "n", "p"):
                return match.group(0)
            value = str(ctx[name.lower()])
            return value[:1].upper() + value[1:] if name[0].isupper() else value
        text = DPLACEHOLDER.sub(context_value, text)

    uncited = ctx.get("uncited", ())

    def citation(match):
        name, arg = match.group(1), match.group(2)
        pieces = []
        for part in arg.split(";"):
            key, _, alias = part.partition("@")
            if name == "c" and key in uncited:
                continue
            label, year = ALL_REFS[key][0], ALL_REFS[key][1]
            if cites is not None:
                cites.append((key, f"({alias or label}, {year})" if name == "c" else f"{label} ({year})"))
            pieces.append((alias or label, year))
        if name == "c":
            if not pieces:
                return "\x00"
            return "(" + "; ".join(f"{label}, {year}" for label, year in pieces) + ")"
        if name == "p":
            return " and ".join(f"{label}'s ({year})" for label, year in pieces)
        return " and ".join(f"{label} ({year})" for label, year in pieces)
    return re.sub(r"\s*\x00", "", DPLACEHOLDER.sub(citation, text))


def diss_unit_texts(unit):
    """The templates of a unit in order: its sentences, or a list's lead and items."""
    if isinstance(unit, dict):
        return [unit["lead"]] + list(unit["items"])
    if isinstance(unit, tuple):
        return list(unit)
    return [unit]


def is_anchor(unit):
    return diss_unit_texts(unit)[0].startswith("!")


def strip_anchor(text):
    return text[1:] if text.startswith("!") else text


def diss_context(topic, seed, variant):
    rng = random.Random(seed + ":context")
    base = DISS_CONTEXTS[topic]
    ctx = {k: v for k, v in base.items() if k not in ("titles", "orgs", "roles")}
    ctx["title"] = base["titles"][variant % len(base["titles"])]
    ctx["org"] = base["orgs"][variant % len(base["orgs"])]
    ctx["role"] = base["roles"][variant % len(base["roles"])]
    ctx["topic_heading"] = rng.choice(base["topic_heading"])
    n_int = rng.randint(19, 23)
    ctx["n_int"] = str(n_int)
    if topic == "vw":
        n_pat = rng.randint(3, 5)
        ctx.update(population=rng.choice(["350,000", "420,000", "510,000"]), beds=str(rng.choice([25, 30, 40])),
                   golive=rng.choice(["October 2024", "January 2025"]), months="eighteen")
        ctx["sample_sentence"] = (f"{NUMBER_WORDS[n_int]} people were interviewed: {n_int - n_pat} members of staff "
                                  f"and {n_pat} patients or carers.")
        ctx["findings_intro"] = (f"The {n_int - n_pat} members of staff who took part included community nurses, advanced clinical "
                                 f"practitioners, geriatricians, therapists and managers, and most had worked on the virtual ward "
                                 f"since its launch; {n_pat} patients or carers were also interviewed.")
        admitted, los, esc = rng.randrange(620, 980), rng.choice(["4", "5", "6"]), rng.randrange(9, 17)
        ctx["routine_summary"] = (f"During the study period the virtual ward admitted {admitted} patients, with a median length of "
                                  f"stay of {los} days, and {esc}% were escalated to hospital during their stay.")
        roles = ["Community nurses", "Advanced clinical practitioners", "Geriatricians and GPs", "Therapists", "Managers and digital leads"]
        staff = n_int - n_pat
        split = [staff - 12, 3, 3, 3, 3]
        rows = [["Participant group", "Number"]] + [[r, str(n)] for r, n in zip(roles, split)] + [["Patients and carers", str(n_pat)], ["Total", str(n_int)]]
        ctx["table1"] = rows
        ctx["table2"] = [["Measure", "Value"], ["Patients admitted", str(admitted)], ["Median length of stay (days)", los],
                         ["Escalated to hospital during stay (%)", str(esc)], ["Readmitted within 30 days of discharge (%)", str(rng.randrange(11, 19))],
                         ["Mean occupancy of available beds (%)", str(rng.randrange(61, 84))]]
        ctx["study_start"], ctx["study_end"] = "February 2026", "June 2026"
    else:
        ctx.update(population=rng.choice(["300,000", "380,000", "450,000"]), beds=str(rng.choice([520, 650, 740])),
                   golive=rng.choice(["March 2025", "May 2025"]), months="twelve")
        ctx["sample_sentence"] = f"{NUMBER_WORDS[n_int]} members of staff were interviewed, from nine wards and departments and from the programme team."
        pct = rng.randrange(78, 93)
        ctx["findings_intro"] = (f"The {n_int} participants included nurses, doctors, pharmacists, therapists, healthcare assistants, "
                                 f"ward managers and members of the digital programme team, with between two and thirty years of "
                                 f"experience in the trust.")
        ctx["routine_summary"] = (f"By the end of the study period {pct}% of inpatient prescriptions were made electronically, but "
                                  f"completion of nursing admission assessments within a day of admission remained below the trust's target.")
        roles = ["Nurses and ward managers", "Doctors", "Pharmacists", "Therapists", "Healthcare assistants", "Programme team"]
        split = [n_int - 14, 4, 3, 2, 2, 3]
        rows = [["Participant group", "Number"]] + [[r, str(n)] for r, n in zip(roles, split)] + [["Total", str(n_int)]]
        ctx["table1"] = rows
        ctx["table2"] = [["Measure", "Three months after go-live", "Twelve months after go-live"],
                         ["Inpatient prescriptions made electronically (%)", str(pct - rng.randrange(9, 15)), str(pct)],
                         ["Admission assessments completed within 24 hours (%)", str(rng.randrange(52, 63)), str(rng.randrange(66, 79))],
                         ["Calls to the service desk per week", str(rng.randrange(900, 1400)), str(rng.randrange(300, 520))],
                         ["Staff using the system on a typical day", f"{rng.randrange(2100, 2600):,}", f"{rng.randrange(2700, 3200):,}"]]
        ctx["study_start"], ctx["study_end"] = "January 2026", "May 2026"
    ctx["table3"] = [["Theme", "Subthemes"],
                     ["Making sense of the change", "Purpose; explanation in person; uncertainty"],
                     ["Workload, workflow and workarounds", "Invisible work; the transition; workarounds as signals"],
                     ["Trust in data and in each other", "Reliability; visibility; professional boundaries"],
                     ["Leadership, ownership and sponsorship", "Visible leadership; contested ownership; clinical champions"],
                     ["Equity", "Who benefits; discretion; missing data"]]
    return ctx


DISS_APPENDICES = [
    ("Appendix A: Participant information (summary)", [
        "You are invited to take part in a study of how {short} has been introduced, and what has helped or hindered staff in using it.",
        "Taking part involves one interview of up to an hour, at a time and place that suit you, which will be audio-recorded and transcribed.",
        "Taking part is voluntary, and your decision will not affect your work or your relationship with the researcher in any way.",
    ], None),
    ("Appendix B: Interview topic guide", None, [
        "Can you tell me about your role and how it involves {short}?",
        "What did you understand to be the purpose of {short} when it was introduced?",
        "How has your work changed since go-live?",
        "What has helped you to use {tech}, and what has got in the way?",
        "Have you or your colleagues found other ways of doing things? Can you give an example?",
        "How would you describe the way the change has been led?",
        "Who do you go to when something goes wrong?",
        "Is there anything else you would like to tell me?",
    ]),
    ("Appendix C: Coding framework", None, None),
]
DISS_CODING_TABLE = [["Theme", "Example codes"],
                     ["Making sense of the change", "purpose unclear; explained by matron; emails not read"],
                     ["Workload, workflow and workarounds", "double documentation; phoning for readings; shared log-ins"],
                     ["Trust in data and in each other", "checking twice; being watched; missing information"],
                     ["Leadership, ownership and sponsorship", "chief nurse on shift; nobody owns it; champion burnout"],
                     ["Equity", "no family support; no signal; bank staff untrained"]]


class Dissertation:
    """A dissertation's blocks (the Essay blocks above) and its intended figures."""

    def __init__(self, blocks, footnotes, ctx):
        self.blocks = blocks
        self.footnotes = footnotes
        self.ctx = ctx
        self.header = None
        self.figures = {}

    def title(self):
        return self.blocks[0][1]


def first_author(key):
    """The first author's surname (or the organisation) of a reference-list entry."""
    entry = ALL_REFS[key][2]
    head = entry.split(" (")[0]
    return head.split(",")[0].lower()


FRONT_MATTER_HEADINGS = {"abstract", "acknowledgements", "declaration"}


def policy_body_words(blocks):
    """Words of the body's headings, paragraphs and list items, following the sections the
    way the readers do: front matter (title, declaration, abstract, acknowledgements) before
    the first other heading, the reference list to the next heading, appendices to the end."""
    section = "body"
    seen_body = False
    total = 0
    for block in blocks:
        kind = block[0]
        if kind == "title":
            continue
        if kind in ("h", "refhead"):
            text = block[2] if kind == "h" else block[1]
            name = text.lower()
            if section == "appendix":
                continue
            if kind == "refhead":
                section = "references"
            elif name.startswith("appendi"):
                section = "appendix"
            elif name in FRONT_MATTER_HEADINGS and not seen_body:
                section = "front"
            else:
                section = "body"
                seen_body = True
            if section == "body":
                total += count_words(text)
        elif kind in ("p", "li") and section == "body":
            total += count_words(block[1])
    return total


def compose_dissertation(topic, variant, target, seed, missing_discussion=False, long_abstract=False, broken_refs=False):
    """A dissertation on `topic` ("vw" or "epr") whose body is close to `target` words."""
    rng = random.Random(seed)
    ctx = diss_context(topic, seed, variant)
    ctx["structure_tail"] = (
        "Chapter 4 presents the findings under five themes, and Chapter 5 draws conclusions and makes recommendations for practice and for further research."
        if missing_discussion else
        "Chapter 4 presents the findings under five themes, Chapter 5 discusses them in relation to the literature, and Chapter 6 concludes with recommendations for practice and for further research.")
    chapters = [c for c in DISS_OUTLINE if not (missing_discussion and c[0] == "discussion")]
    outline = []
    for chapter, names, subs in chapters:
        kept = [(k, n) for k, n in subs if k != "fsummary" or missing_discussion]
        outline.append((chapter, names, kept))

    pools = {}
    for chapter, _, subs in outline:
        for sub, _ in subs:
            pool = list(DISS_BANK.get((chapter, sub), [])) + list(DISS_TOPIC_BANK[topic].get((chapter, sub), []))
            pools[(chapter, sub)] = pool

    # A reference list of 25-40 entries: some works cited only in brackets are left out of
    # this dissertation (their sentences stay, uncited).
    forms = {}
    templates = [t for pool in pools.values() for unit in pool for t in diss_unit_texts(unit)]
    templates += [str(v) for v in ctx.values()]
    for template in templates:
        for match in DPLACEHOLDER.finditer(template):
            if match.group(1) in ("c", "n", "p") and match.group(2):
                for part in match.group(2).split(";"):
                    forms.setdefault(part.partition("@")[0], set()).add(match.group(1))
    optional = sorted(k for k, f in forms.items() if f == {"c"} and k not in DISS_DROPPED)
    cap = rng.randint(33, 38)
    ctx["uncited"] = set(rng.sample(optional, max(0, len(forms) - cap)))
    chosen = {key: set(range(len(pool))) for key, pool in pools.items()}

    def unit_words(key, index):
        return sum(count_words(strip_anchor(diss_render(t, ctx))) for t in diss_unit_texts(pools[key][index]))

    heading_style = rng.choice(["chapter", "dotted", "plain"])
    chosen_names = {}
    for chapter, names, subs in outline:
        chosen_names[chapter] = rng.choice(names)
        for sub, sub_names in subs:
            if sub is not None:
                chosen_names[(chapter, sub)] = rng.choice(sub_names) if sub_names else ctx["topic_heading"]
    if missing_discussion:
        chosen_names["conclusion"] = "Conclusions and recommendations"
    footnote_keys = sorted(rng.sample(sorted(DISS_FOOTNOTES), rng.randint(2, 4)))
    keywords = rng.random() < 0.5 or long_abstract
    acknowledgements = rng.random() < 0.6

    def build():
        blocks = [("title", ctx["title"])]
        footnotes = []
        cites = []
        blocks.append(("h", 1, "Declaration"))
        blocks.append(("p", "I declare that this dissertation is my own work, that it has not been submitted for any other "
                             "award, and that all the sources I have used are acknowledged in the text and listed in the references.", None))
        blocks.append(("h", 1, "Abstract"))
        abstract = DISS_ABSTRACT[topic]
        for i, text in enumerate(abstract["normal"]):
            if long_abstract and i in abstract["extra"]:
                label, _, rest = text.partition(": ")
                if i == 0:
                    text = f"{label}: {abstract['extra'][i]} {rest}"
                else:
                    text = f"{text} {abstract['extra'][i]}"
            blocks.append(("p", diss_render(text, ctx), None))
        if keywords:
            blocks.append(("p", abstract["keywords"], None))
        if acknowledgements:
            blocks.append(("h", 1, "Acknowledgements"))
            blocks.append(("p", "I am grateful to the colleagues who gave their time to take part in this study, to my supervisor "
                                 "for her patience and advice, and to my family for their support throughout the programme.", None))
        table_no = 0
        for number, (chapter, _, subs) in enumerate(outline, start=1):
            name = chosen_names[chapter]
            heading = {"chapter": f"Chapter {number}: {name}", "dotted": f"{number}. {name}", "plain": f"{number} {name}"}[heading_style]
            blocks.append(("h", 1, heading))
            sub_number = 0
            for sub, _ in subs:
                key = (chapter, sub)
                if sub is not None:
                    sub_number += 1
                    blocks.append(("h", 2, f"{number}.{sub_number} {chosen_names[key]}"))
                paragraphs = []  # each: list of sentences, or a list unit
                current = []
                goal = rng.randint(80, 170)
                for index in sorted(chosen[key]):
                    unit = pools[key][index]
                    if isinstance(unit, dict):
                        if current:
                            paragraphs.append(current)
                            current = []
                        paragraphs.append(unit)
                        continue
                    for sentence in diss_unit_texts(unit):
                        current.append(sentence)
                    if count_words(" ".join(current)) >= goal:
                        paragraphs.append(current)
                        current = []
                        goal = rng.randint(80, 170)
                if current:
                    if paragraphs and isinstance(paragraphs[-1], list) and count_words(" ".join(current)) < 35:
                        paragraphs[-1].extend(current)
                    else:
                        paragraphs.append(current)
                note_at = 0 if key in footnote_keys and key in DISS_FOOTNOTES else None
                for i, paragraph in enumerate(paragraphs):
                    if isinstance(paragraph, dict):
                        blocks.append(("p", strip_anchor(diss_render(paragraph["lead"], ctx, cites)), None))
                        for item in paragraph["items"]:
                            blocks.append(("li", diss_render(item, ctx, cites), 2 if chapter == "intro" else 1))
                        continue
                    text = " ".join(strip_anchor(diss_render(s, ctx, cites)) for s in paragraph)
                    note = None
                    if i == note_at:
                        footnotes.append(DISS_FOOTNOTES[key])
                        note = len(footnotes)
                    blocks.append(("p", text, note))
                if key == ("methods", "sampling"):
                    table_no += 1
                    blocks.append(("caption", table_no, "Characteristics of the participants"))
                    blocks.append(("table", ctx["table1"]))
                if key == ("findings", "overview"):
                    table_no += 1
                    blocks.append(("caption", table_no, "Routine data for the study period"))
                    blocks.append(("table", ctx["table2"]))
                    table_no += 1
                    blocks.append(("caption", table_no, "Themes and subthemes"))
                    blocks.append(("table", ctx["table3"]))
        return blocks, footnotes, cites

    # Drop units (never a subsection's anchors, and never below half of a subsection) until
    # the body is within a few words of the target.
    def words_now():
        return policy_body_words(build()[0])

    words = words_now()
    if words < target:
        raise SystemExit(f"dissertation bank too small for {seed}: {words} words with everything, target {target}")
    for _ in range(500):
        excess = words - target
        if excess <= 8:
            break
        removable = [(key, i) for key in sorted(pools, key=str) for i in sorted(chosen[key])
                     if not is_anchor(pools[key][i]) and len(chosen[key]) > max(2, (len(pools[key]) + 1) // 2)]
        if not removable:
            break
        if excess < 80:
            fitting = [ki for ki in removable if unit_words(*ki) <= excess + 8]
            if not fitting:
                break
            key, index = max(fitting, key=lambda ki: (unit_words(*ki), str(ki)))
        else:
            key, index = rng.choice(removable)
        chosen[key].discard(index)
        words = words_now()

    blocks, footnotes, cites = build()
    cited = []
    first_form = {}
    for key, form in cites:
        if key not in cited:
            cited.append(key)
            first_form[key] = form
    listed = list(cited)
    dropped = []
    padding = []
    if broken_refs:
        dropped = [k for k in DISS_DROPPED if k in cited][:3]
        listed = [k for k in listed if k not in dropped]
        padding = [k for k in DISS_PADDING if k not in cited]
        listed += padding
    blocks.append(("refhead", "References"))
    for key in sorted(listed, key=lambda k: ALL_REFS[k][2].replace("*", "").lower()):
        blocks.append(("ref", ALL_REFS[key][2]))
    blocks.append(("h", 1, "Appendices"))
    for heading, paragraphs, items in DISS_APPENDICES:
        blocks.append(("h", 2, heading))
        for text in paragraphs or []:
            blocks.append(("p", diss_render(text, ctx), None))
        for text in items or []:
            blocks.append(("li", diss_render(text, ctx), 2))
        if paragraphs is None and items is None:
            table_no = sum(1 for b in blocks if b[0] == "caption") + 1
            blocks.append(("caption", table_no, "Themes and example codes"))
            blocks.append(("table", DISS_CODING_TABLE))

    doc = Dissertation(blocks, footnotes, ctx)
    abstract_words = 0
    in_abstract = False
    for block in blocks:
        if block[0] == "h":
            in_abstract = block[2] == "Abstract"
        elif block[0] == "p" and in_abstract:
            abstract_words += count_words(block[1])
    doc.figures = dict(
        body_words=policy_body_words(blocks), abstract_words=abstract_words, references=len(listed),
        citations=len(cites), cited_works=len(cited),
        # Two works with the same first author and year (Cresswell and Sheikh, 2013; Cresswell,
        # Bates and Sheikh, 2013) are told apart in Harvard by their co-authors, but are one
        # work to a check that matches by first author and year.
        cited_first_author_years=len({(first_author(k), ALL_REFS[k][1]) for k in cited}),
        # In the order the processor reports them: citations in text order, entries in list order.
        cited_not_listed=[first_form[k] for k in sorted(dropped, key=cited.index)],
        listed_not_cited=[f"{ALL_REFS[k][2].split(' (')[0]} ({ALL_REFS[k][1]})"
                          for k in sorted(padding, key=lambda k: ALL_REFS[k][2].replace("*", "").lower())],
        missing_parts=["discussion"] if missing_discussion else [],
    )
    if not 25 <= len(listed) <= 40:
        raise SystemExit(f"{seed}: {len(listed)} references, outside 25-40")
    return doc

# ---------------------------------------------------------------------------------------
# Reflective journals (ltc-reflective-journal)
# ---------------------------------------------------------------------------------------

JOURNAL_REFS = {
    "gibbs1988": "Gibbs, G. (1988) *Learning by Doing: A Guide to Teaching and Learning Methods*. Oxford: Further Education Unit, Oxford Polytechnic.",
    "kolb1984": "Kolb, D.A. (1984) *Experiential Learning: Experience as the Source of Learning and Development*. Englewood Cliffs, NJ: Prentice Hall.",
    "schon1983": "Schön, D.A. (1983) *The Reflective Practitioner: How Professionals Think in Action*. New York: Basic Books.",
    "rolfe2001": "Rolfe, G., Freshwater, D. and Jasper, M. (2001) *Critical Reflection for Nursing and the Helping Professions: A User's Guide*. Basingstoke: Palgrave.",
    "kotter1996": DISS_REFS["kotter1996"][2],
    "heifetz2009": DISS_REFS["heifetz2009"][2],
    "west2017": DISS_REFS["west2017"][2],
}

# What happened, in the order a year of leading one change goes: each event's description
# (Gibbs) or concrete experience (Kolb), how it felt, and what it meant.
JOURNAL_EVENTS = [
    dict(what=["Today was the first meeting of the project board for {project}, which I chair.",
               "I had prepared a detailed plan, and I spent most of the meeting presenting it.",
               "Afterwards {sponsor} told me, kindly but directly, that nobody else had said very much."],
         felt="I felt embarrassed, and then defensive, and only later curious about why the room had been so quiet.",
         why="I had confused presenting a plan with gaining agreement to it, and a silent board is not a committed one."),
    dict(what=["This week I met each of the team leaders one to one to hear their views on {project}.",
               "Two were enthusiastic, one was openly sceptical and one said very little at all.",
               "The sceptic had a long list of practical objections, several of which I had not considered."],
         felt="I was irritated by the list of objections at first, and then uneasy, because some of them were clearly right.",
         why="The person who said least worries me most, because silence in a one-to-one usually means the real conversation is happening somewhere else."),
    dict(what=["I ran a stakeholder mapping session with the project group, using a simple grid of interest and influence.",
               "The discussion became heated when we placed the consultants in the high influence, low interest corner, and one of the nurses said that was exactly the problem."],
         felt="I felt the temperature rise in the room and wanted to move on quickly, but I made myself stay with the disagreement.",
         why="The grid made visible a power imbalance that everyone knew about but nobody had named in a meeting before."),
    dict(what=["At the team meeting today I tried to explain why {project} matters, using the figures from the business case.",
               "The room was polite but flat, and the first question was about car parking during the training days.",
               "A healthcare assistant then told a story about a patient who had been harmed last winter, and the mood changed completely."],
         felt="I was moved by her story, and struck by how much more powerful it was than my slides.",
         why="People are persuaded by what a change means for patients they recognise, not by percentages in a business case."),
    dict(what=["{Resistor} emailed me late last night to say that the changes were unsafe and that the concerns would be raised at the clinical governance meeting.",
               "My first reaction was to write a long reply defending the plan, but I saved it as a draft and slept on it.",
               "This morning I asked to meet in person instead."],
         felt="My first feeling was anger, followed quickly by anxiety about how the governance meeting would see the project.",
         why="An email at midnight is usually a sign that someone feels unheard, and a defensive reply would only have confirmed it."),
    dict(what=["I met {resistor} for an hour this afternoon.",
               "Once it was clear that I was there to listen, the concern turned out to be about a specific group of patients that our pathway had not considered.",
               "The concern was justified, and we agreed a change to the plan before we left."],
         felt="I felt a real sense of relief, and also some guilt that I had assumed the worst.",
         why="What I had labelled as resistance was expertise that the project had not yet made room for."),
    dict(what=["The pilot of {project} started this week with {team}.",
               "The first two days went better than I had feared, but on Wednesday the system failed for most of a night shift and the staff had to revert to paper.",
               "I was on leave and heard about it only the next morning."],
         felt="I felt guilty for being away, and frustrated that the contingency plan had been written but never practised.",
         why="A plan that only exists on paper is not a plan, and the night staff carried the cost of that gap."),
    dict(what=["I spent today working alongside the team rather than in meetings about them.",
               "I saw for myself how many small workarounds people had invented to make the new process fit their day.",
               "Some were clever, and one or two worried me."],
         felt="I felt a mixture of admiration for the team's ingenuity and unease about the risks some of the shortcuts carried.",
         why="The workarounds told me more about the fit between the process and the work than any of the formal feedback had."),
    dict(what=["We held a retrospective on the first month of the pilot, using a simple format of what went well, what did not and what we would change.",
               "I asked the most junior member of staff to speak first, and she raised an issue that nobody more senior had mentioned."],
         felt="I felt pleased that the format had worked, and slightly uncomfortable that the issue had been invisible to me.",
         why="Hierarchy filters what reaches me, and changing the order of speaking changed what I heard."),
    dict(what=["The programme director asked me for evidence of benefits to take to the board next month.",
               "I felt caught between the pressure to report success and my sense that it was far too early to claim any.",
               "In the end I wrote an honest summary with the early figures and the problems we were still working on."],
         felt="I was anxious about disappointing the programme director, and worried that honesty would be read as failure.",
         why="Organisations often ask for benefits at the point of greatest disruption, which pushes leaders towards optimism rather than accuracy."),
    dict(what=["Two experienced members of the team told me they were thinking of leaving, partly because of the pace of change.",
               "One said she no longer recognised the job she had trained for.",
               "I did not have an answer for her, and I said so."],
         felt="I felt sad, and responsible, and unsure whether I should have slowed the change down.",
         why="Change involves loss as well as gain, and I had talked a great deal about the gains and very little about the losses."),
    dict(what=["We agreed today to extend {project} to the second team, using what we learnt in the pilot.",
               "This time the team leader asked to run the briefings herself, and I agreed, although it meant letting go of how the message was delivered."],
         felt="I felt uncomfortable handing over the briefings, and a little hurt that I was not needed.",
         why="Letting go of control felt like a loss, but a message delivered by a trusted local leader carries more weight than mine."),
    dict(what=["I presented our progress at the leadership programme's action learning set.",
               "My set members asked questions that I found uncomfortable, particularly about how much of the change I had really shared with the team.",
               "I noticed that I became defensive and talked faster."],
         felt="I felt exposed, as if the gaps in my own approach had suddenly become visible to everyone.",
         why="The questions were uncomfortable because they were accurate: I had shared the plan but not the decisions."),
    dict(what=["The second team went live this week, and the difference from the pilot was striking.",
               "Their team leader had involved her staff in planning every step, and there were far fewer problems.",
               "I found myself both pleased and slightly diminished by how little they needed me."],
         felt="I felt proud of the team, and surprised by how much that pride meant to me.",
         why="Ownership spread when the people doing the work shaped the change, which is what the literature says and what I had not quite believed."),
    dict(what=["I had my mid-year appraisal with {sponsor}, and we spent most of it talking about the project.",
               "{Sponsor} observed that I had moved from telling people what would happen to asking them what should happen, and asked me what had changed."],
         felt="I felt recognised, and a little embarrassed, because the change had not felt deliberate.",
         why="Much of my learning this year has happened through mistakes that I only understood afterwards, in writing this journal."),
    dict(what=["Today we handed {project} over from the project team to business as usual.",
               "It felt like an anticlimax: no celebration, just a change of owner on the risk register.",
               "Afterwards I wrote a thank-you note to everyone who had been involved, which took far longer than I expected."],
         felt="I felt flat, and then grateful, as I wrote the notes and remembered how many people had made the change work.",
         why="Endings matter in change, and an organisation that marks only launches teaches people that only launches count."),
    dict(what=["I looked back through this journal in preparation for the final assignment.",
               "Reading my early entries was uncomfortable, because the person who wrote them was so certain about the plan and so impatient with the people who questioned it."],
         felt="I felt a mixture of embarrassment and affection for the person who wrote those early entries.",
         why="The journal shows a shift from managing a project to leading people through a change, and that shift is the real outcome of the year for me."),
]

# Reflections that fit any event: more feelings, evaluation, analysis, conclusions, actions.
JOURNAL_STAGES = {
    "feelings": [
        "If I am honest, part of me wanted the whole thing to be over.",
        "I noticed a familiar knot of anxiety about being judged by people more senior than me.",
        "I was tired, and I think it showed in how I responded.",
        "Part of me wanted to step in and fix things, and it took real effort to hold back.",
        "I felt torn between loyalty to the programme and loyalty to my team.",
        "I was uneasy, because I could see both sides and did not know which was right.",
        "I felt lighter afterwards, as if sharing the problem had made it smaller.",
        "I was pleased, but cautious, because early success can hide problems that appear later.",
        "Looking back, my feelings changed several times during the day, which is itself worth noting.",
        "I noticed that my confidence rises and falls with the last conversation I had.",
    ],
    "evaluation": [
        "What went well was that I listened before I responded, which I have not always done.",
        "What went less well was that I had already decided the answer before I asked the question.",
        "On reflection, the plan was sound but the way I communicated it was not.",
        "I handled the conversation better than I would have a year ago, but I still interrupted too often.",
        "Looking back, I spent too much time on the technical detail and too little on what the change meant for people.",
        "The good part was that the problem surfaced early, while it was still cheap to fix.",
        "I think I struck the right balance between honesty and reassurance, but I am not certain.",
        "The approach worked for the enthusiasts but did nothing for the people who were already doubtful.",
        "I did not follow up as promptly as I said I would, and I lost some credibility as a result.",
        "I was clear about what I needed, but less clear about why, and that made the request feel arbitrary.",
        "It was not a failure, but it was not the success I had told myself it would be.",
        "The outcome was better than I feared, largely because other people filled the gaps I had left.",
        "What I did well was to admit what I did not know, which seemed to make it easier for others to do the same.",
        "I could have prepared better, but I am not sure that more preparation would have changed the outcome.",
        "On balance the day moved the project forward, but at a cost to relationships that I will need to repair.",
        "I managed my own reaction reasonably well, but I did not check how others were feeling.",
    ],
    "analysis": [
        "Using Gibbs' (1988) cycle helps me to separate what happened from how I felt about it, which I find hard in the moment.",
        "Kolb (1984) describes learning as a cycle from experience through reflection and conceptualisation to experimentation, and I can see that I tend to rush from experience straight to action.",
        "Schön (1983) distinguishes reflection in action from reflection on action, and today I managed a little of the former for the first time.",
        "Heifetz, Grashow and Linsky (2009) would describe this as an adaptive challenge, and I had been treating it as a technical one.",
        "Kotter (1996) stresses the importance of a guiding coalition, and I realise that mine consisted largely of people who already agreed with me.",
        "West et al. (2017) describe compassionate leadership as attending, understanding, empathising and helping, and I had skipped straight to helping.",
        "I think the reason I reacted so strongly is that I equate questions about the plan with questions about my competence.",
        "Power was an important part of this: the people with the most to lose had the least influence over the decision.",
        "I suspect that my enthusiasm for the project made it harder for people to tell me about its problems.",
        "There is a pattern here: when I am anxious, I try to control the detail, and when I control the detail, others disengage.",
        "Rolfe, Freshwater and Jasper (2001) ask 'so what?' after 'what?', and the answer here is that my behaviour shaped the team's response more than the plan did.",
        "It seems that trust is built in small moments, such as returning a call, more than in large gestures.",
        "I had assumed that explaining the benefits would be enough, but people needed to see what the change meant for their own work.",
        "The culture of the team, which values getting through the shift above all else, makes reflection feel like a luxury.",
        "I realise that I had been measuring progress by tasks completed rather than by how people were experiencing the change.",
        "Seen through Kotter's (1996) stages, we had moved to action before the vision was shared, and the gap showed.",
        "Heifetz, Grashow and Linsky (2009) write about giving the work back to the people who have the problem, and this is what I find hardest.",
        "Part of the difficulty is that the project's governance rewards certainty, while the work itself is full of uncertainty.",
        "Schön's (1983) image of the swampy lowlands of practice fits this well: the important problems were the messy ones.",
        "I can see that my own history of change in this organisation colours how I expect people to react.",
    ],
    "conclusion": [
        "I could have asked more open questions and left more silence for others to fill.",
        "The main thing I have learnt is that how a change is introduced matters as much as what the change is.",
        "In future I need to separate my own investment in a plan from the merits of the plan itself.",
        "I have learnt that people who raise objections are often the ones who care most about getting it right.",
        "I should have involved the team in designing the solution rather than asking them to approve it.",
        "This has reminded me that being visible where the work happens is part of the job, not a distraction from it.",
        "I now see that my role is less to have the answers and more to create the conditions in which the team can find them.",
        "If it happened again, I would pick up the phone rather than reply by email.",
        "I have learnt that honesty about uncertainty builds more credibility than false confidence.",
        "I could have prepared the team better for the possibility that the first weeks would be difficult.",
        "The experience has shown me how much I rely on a few trusted colleagues, and how little I hear from everyone else.",
        "Looking back, the problem was visible earlier than I admitted, and I chose not to see it.",
        "I have realised that celebrating small successes matters more than I thought.",
        "I need to be more deliberate about hearing from staff who work nights and weekends.",
        "Above all, I need to slow down at the moments when I most want to speed up.",
        "I have learnt that I do not need to defend every decision to keep people's respect.",
    ],
    "action": [
        "Next time I will open the meeting by asking for views before I present anything.",
        "I will ask {sponsor} for feedback on how I chair the next board.",
        "My action for the next month is to spend one shift a fortnight working alongside the team.",
        "I will set up a simple way for staff to report workarounds without fear of blame.",
        "I will try to notice when I start to become defensive, and to ask a question instead.",
        "I will book a follow-up conversation in two weeks to check that the changes have worked.",
        "Before the next team briefing I will ask two members of staff to help me plan it.",
        "I will share the honest version of the progress report with the team before it goes to the board.",
        "I will ask the action learning set to hold me to account for delegating more.",
        "I plan to read more about adaptive leadership and to discuss it with my mentor.",
        "I will write a short note to each person who raised a concern, saying what we did about it.",
        "For the next phase, I will make sure that the night staff are briefed in person.",
        "I will keep a note of the questions I ask in meetings, to see whether I really am listening more.",
        "I will build time for reflection into the project plan rather than leaving it to chance.",
        "I will ask the team what they think we should stop doing to make room for the change.",
        "I will end each project meeting by asking who is not in the room and should be.",
    ],
}

JOURNAL_PLAN = [
    # candidate, project, team, sponsor, resistor, (date, format, words) per entry, heading level, gibbs headings, note
    ("C1003", "the introduction of electronic observations on the acute medical unit", "the night team on the acute medical unit",
     "the deputy chief nurse", "one of the senior consultants", 1, True, "clean: 10 entries, longest gap 37 days",
     [("2026-10-12", "long"), ("2026-11-09", "weekday_ordinal"), ("2026-12-14", "slash"), ("2027-01-20", "iso"),
      ("2027-02-24", "weekday_noyear"), ("2027-03-29", "long_titled"), ("2027-04-26", "weekday_ordinal"),
      ("2027-05-17", "slash"), ("2027-06-07", "iso"), ("2027-06-21", "long")], None),
    ("C1006", "the move of our outpatient clinics to patient-initiated follow-up", "the rheumatology clinic team",
     "the divisional director of operations", "the clinical lead for rheumatology", 2, False, "a 70-day gap (3 December 2026 to 11 February 2027)",
     [("2026-10-05", "long"), ("2026-10-29", "ordinal"), ("2026-12-03", "slash"), ("2027-02-11", "long_titled"),
      ("2027-03-10", "iso"), ("2027-04-08", "weekday_ordinal"), ("2027-05-06", "slash"), ("2027-06-03", "long"),
      ("2027-06-24", "dotted")], None),
    ("C1008", "the merger of two community nursing teams onto one electronic caseload", "the merged north locality team",
     "the head of community nursing", "one of the longest-serving team leaders", 1, False, "one entry (8 July 2027) after the deadline",
     [("2026-10-19", "weekday_ordinal"), ("2026-11-23", "long"), ("2026-12-17", "slash"), ("2027-01-28", "iso"),
      ("2027-03-04", "long_titled"), ("2027-04-01", "slash"), ("2027-05-13", "long"), ("2027-06-10", "iso"),
      ("2027-07-08", "weekday_ordinal")], None),
    ("C1010", "a digital front door for our community therapy services", "the musculoskeletal physiotherapy team",
     "the associate director of therapies", "a senior physiotherapist", 2, False, "too few entries: 6 against 8",
     [("2026-10-14", "long"), ("2026-11-25", "slash"), ("2027-01-06", "iso"), ("2027-02-17", "weekday_ordinal"),
      ("2027-03-24", "long_titled"), ("2027-05-05", "slash")], None),
    ("C1014", "the introduction of an electronic rostering system across the surgical wards", "the staff of the two surgical wards",
     "the director of nursing for surgery", "the longest-serving ward sister", 1, True, "one short entry (18 February 2027, under 150 words)",
     [("2026-10-08", "entry"), ("2026-11-12", "entry"), ("2026-12-10", "entry"), ("2027-01-14", "entry"),
      ("2027-02-18", "entry"), ("2027-03-18", "entry"), ("2027-04-22", "entry"), ("2027-05-27", "entry"),
      ("2027-06-17", "entry")], "2027-02-18"),
]

JOURNAL_TITLES = ["First project board", "Listening to the team leaders", "Mapping the stakeholders", "Explaining the why",
                  "An email at midnight", "Meeting in person", "The pilot begins", "A day on the ward", "Looking back at the first month",
                  "Evidence for the board", "People thinking of leaving", "Extending to a second team", "Action learning",
                  "The second go-live", "Appraisal", "Handing over", "Reading back"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def ordinal(day):
    return f"{day}{'th' if 11 <= day % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def written_date(iso, style, number, title):
    """A date as the journal writes it in a heading."""
    import datetime
    day = datetime.date.fromisoformat(iso)
    weekday = day.strftime("%A")
    month = MONTHS[day.month - 1]
    if style == "long":
        return f"{day.day} {month} {day.year}"
    if style == "ordinal":
        return f"{ordinal(day.day)} {month} {day.year}"
    if style == "weekday_ordinal":
        return f"{weekday} {ordinal(day.day)} {month} {day.year}"
    if style == "weekday_noyear":
        return f"{weekday} {day.day} {month}"
    if style == "slash":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == "dotted":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if style == "iso":
        return iso
    if style == "long_titled":
        return f"{day.day} {month} {day.year} \u2013 {title}"
    if style == "entry":
        return f"Entry {number} \u2013 {day.day} {month} {day.year}"
    raise ValueError(style)


def journal_render(text, ctx):
    text = text.replace("{project}", ctx["project"]).replace("{team}", ctx["team"])
    text = text.replace("{sponsor}", ctx["sponsor"]).replace("{Resistor}", ctx["resistor"][:1].upper() + ctx["resistor"][1:])
    return text.replace("{resistor}", ctx["resistor"])


def compose_journal(plan, seed):
    cid, project, team, sponsor, resistor, level, gibbs, note, dates, short_date = plan
    rng = random.Random(seed)
    ctx = dict(project=project, team=team, sponsor=sponsor, resistor=resistor)
    pools = {stage: list(range(len(sentences))) for stage, sentences in JOURNAL_STAGES.items()}
    for pool in pools.values():
        rng.shuffle(pool)
    blocks = [("title", f"Reflective journal: leading {project}")]
    intro = (f"This journal records my reflections on leading {project} during the leadership and transformational "
             f"change module. Entries follow Gibbs' reflective cycle, and names have been left out.")
    blocks.append(("p", intro, None))
    # Spread the events over the entries in order: the first, the last and evenly between.
    n = len(dates)
    event_index = [round(i * (len(JOURNAL_EVENTS) - 1) / max(1, n - 1)) for i in range(n)]
    entries = []
    for number, ((iso, style), event) in enumerate(zip(dates, event_index), start=1):
        target = rng.randint(90, 110) if iso == short_date else rng.randint(170, 275)
        happened = JOURNAL_EVENTS[event]
        description = [journal_render(s, ctx) for s in happened["what"]]
        chosen = {stage: [] for stage in JOURNAL_STAGES}
        chosen["feelings"].append(journal_render(happened["felt"], ctx))
        chosen["analysis"].append(journal_render(happened["why"], ctx))
        if iso == short_date:
            description = ["A very short entry this week, as the new rota went live on both wards and I was on the floor most days."] + description[:1]
            chosen["analysis"] = []
        words = count_words(" ".join(description + chosen["feelings"] + chosen["analysis"]))
        # One sentence per stage first, then more (analysis and evaluation first) until the target.
        rounds = [["evaluation", "conclusion", "action"], ["analysis", "evaluation", "feelings", "conclusion", "action"],
                  ["analysis", "evaluation", "conclusion", "action"], ["analysis", "evaluation"]]
        for stages in rounds:
            for stage in stages:
                if words >= target:
                    break
                if not pools[stage]:
                    continue
                index = pools[stage].pop()
                sentence = journal_render(JOURNAL_STAGES[stage][index], ctx)
                chosen[stage].append(sentence)
                words += count_words(sentence)
        for stage in ["evaluation", "conclusion", "action", "feelings", "analysis"] * 3:
            if iso == short_date or words >= 170:
                break
            if pools[stage]:
                sentence = journal_render(JOURNAL_STAGES[stage][pools[stage].pop()], ctx)
                chosen[stage].append(sentence)
                words += count_words(sentence)
        heading = written_date(iso, style, number, JOURNAL_TITLES[event])
        blocks.append(("h", level, heading))
        entry_words = 0
        if gibbs and iso != short_date and number % 2 == 1:
            parts = [("Description", description), ("Feelings", chosen["feelings"]), ("Evaluation", chosen["evaluation"]),
                     ("Analysis", chosen["analysis"]), ("Conclusion", chosen["conclusion"]), ("Action plan", chosen["action"])]
            for name, sentences in parts:
                if sentences:
                    blocks.append(("h", level + 1, name))
                    text = " ".join(sentences)
                    blocks.append(("p", text, None))
                    entry_words += count_words(text)
        else:
            first = description + chosen["feelings"]
            second = chosen["evaluation"] + chosen["analysis"]
            third = chosen["conclusion"] + chosen["action"]
            for sentences in (first, second, third):
                if sentences:
                    text = " ".join(sentences)
                    blocks.append(("p", text, None))
                    entry_words += count_words(text)
        if (iso == short_date) != (entry_words < 150) or (iso != short_date and entry_words < 165):
            raise SystemExit(f"{cid}: entry {iso} has {entry_words} words, outside its intended band")
        entries.append((iso, entry_words, heading))
    blocks.append(("refhead", "References"))
    for key in sorted(JOURNAL_REFS, key=lambda k: JOURNAL_REFS[k].lower()):
        blocks.append(("ref", JOURNAL_REFS[key]))
    essay = Essay(blocks, ctx, header=None, footnotes=[])
    return essay, entries, count_words(intro)

JOURNAL_STAGES["feelings"] += [
    "I went home thinking about it, which is usually a sign that something matters more than I have admitted.",
    "I felt more confident than I expected, and I am trying to understand why.",
    "I was frustrated by how slowly things were moving, and aware that my frustration was not helping.",
    "I felt a quiet satisfaction that I had not felt earlier in the project.",
    "I was nervous beforehand and calmer once the conversation had started.",
]
JOURNAL_STAGES["evaluation"] += [
    "The conversation was more productive than the meeting that preceded it, which says something about the meeting.",
    "I kept to the agenda, but the agenda was the wrong one for what people needed to discuss.",
    "I gave people time to think, and the quality of the discussion improved as a result.",
    "I made a promise that I am not sure I can keep, and I need to be careful about that.",
    "Things went well mainly because of the preparation the team had done, not because of anything I did on the day.",
]
JOURNAL_STAGES["analysis"] += [
    "Kolb's (1984) idea of active experimentation reminds me that the point of reflecting is to try something different next time.",
    "My reaction says as much about my own need for approval as about the situation itself.",
    "The informal conversations after the meeting seem to be where decisions are really made, and I am rarely part of them.",
    "Gibbs' (1988) stage of analysis pushes me to ask what else was going on, and the answer is that the team was exhausted.",
]
JOURNAL_STAGES["conclusion"] += [
    "I have learnt that a question asked well can do more than a presentation prepared carefully.",
    "It is clear to me now that the team needed more time than the plan allowed.",
    "I have realised that I tend to notice problems only when they reach me, which is often too late.",
    "The experience confirms that small changes in how I behave have large effects on how others respond.",
    "I think I am slowly learning to tolerate not knowing the answer.",
]
JOURNAL_STAGES["action"] += [
    "I will ask one person each week what would make their working day easier.",
    "I will review the communication plan with the team leaders before the next phase begins.",
    "I will practise summarising what I have heard before I give my own view.",
    "I will discuss this entry with my mentor at our next meeting.",
    "I will protect an hour each Friday for reflection and for writing this journal.",
]

# ---------------------------------------------------------------------------------------
# Group presentations (ltc-group-presentation): one PPTX per group
# ---------------------------------------------------------------------------------------

# Slides a deck can hold, in talk order: key -> title, bullets (or a table), speaker-note
# sentences (a deck uses the first few; a long-winded one uses them all), and for two
# slides a crowded version of the bullets.
DECK_SLIDES = {
    "agenda": dict(
        title="What we will cover",
        bullets=["Why {change} matters now", "Where we are today", "Our vision and the people it affects",
                 "How we would lead the change", "Risks, measures and what we learned"],
        notes=["This is the shape of the next fifteen minutes.",
               "We will start with the case for change and where the organisation is today, then describe our vision and the people it affects.",
               "Most of our time goes on how we would lead the change, because that is the heart of this module.",
               "We finish with risks, how we would measure success, and what we learned as a group.",
               "We have tried to keep the slides light and put the detail in what we say, so please stop us if anything is unclear.",
               "Each of us will present one part, and we will hand over as we go."]),
    "case": dict(
        title="The case for change",
        bullets=["{case1}", "{case2}", "{case3}", "Staff and patients tell us the current process is frustrating"],
        dense=["{case1}, and the gap has widened every year since we began to measure it in 2022, despite two previous improvement projects",
               "{case2}, which means that clinicians regularly make decisions with incomplete information and spend time chasing it",
               "{case3}, and staff surveys in three successive years have named this as one of their biggest frustrations",
               "Patients and carers who took part in our listening events described the current process as confusing, slow and impersonal"],
        notes=["Let us start with why this change matters.",
               "{case1}, and the gap has grown every year.",
               "{case2}, which creates risk as well as frustration.",
               "{case3}.",
               "When we spoke to staff and patients, the same themes came up again and again: delay, duplication and not knowing what happens next.",
               "None of this is a criticism of the people working in the current system, who are doing their best with the tools they have.",
               "But it does mean that doing nothing is not a safe option.",
               "We think the case for change is strong, but we also know that a strong case on paper does not by itself persuade anyone."]),
    "current": dict(
        title="Where we are now",
        bullets=["{current1}", "{current2}", "Previous change projects have left some scepticism", "Pockets of real enthusiasm to build on"],
        notes=["This slide summarises where the organisation is today.",
               "{current1}.",
               "{current2}.",
               "There is also a history to reckon with: two earlier projects in this area were announced with fanfare and then quietly dropped.",
               "Several staff told us, in almost the same words, that they would believe it when they saw it.",
               "On the other hand, there are teams who have already started to change their practice on their own initiative.",
               "Those teams are our best asset, and our plan tries to build on them rather than start from scratch.",
               "Any change plan that ignores this history is likely to repeat it."]),
    "vision": dict(
        title="Our vision",
        bullets=["{vision1}", "{vision2}", "Staff spend more time with patients and less on the process", "Designed with the people who will use it"],
        notes=["Our vision is deliberately simple.",
               "{vision1}.",
               "{vision2}.",
               "For staff, success means spending more time on care and less time working around the process.",
               "We tested the wording with a small group of staff and patients, and changed it twice in response to what they told us.",
               "The most important word on this slide is probably the last line: designed with the people who will use it.",
               "A vision that is written by a project team and handed down rarely survives contact with the front line.",
               "We would expect the vision to be refined again as more people become involved."]),
    "stakeholders": dict(
        title="Who is affected",
        table=[["Group", "Interest", "Influence", "Our approach"],
               ["{group1}", "High", "High", "Co-design"],
               ["{group2}", "High", "Medium", "Involve early"],
               ["{group3}", "Medium", "High", "Keep engaged"],
               ["Patients and carers", "High", "Low", "Listen and test"]],
        notes=["This table summarises our stakeholder analysis, using a simple grid of interest and influence.",
               "The groups with both high interest and high influence are the ones we must design the change with, not for.",
               "We were struck by how many groups have high interest but relatively little influence, including patients and carers.",
               "Our approach for them is to listen early and to test the design with them before anything is fixed.",
               "The grid is a simplification, of course: influence is not only formal, and some of the most influential people hold no senior role at all.",
               "We would revisit this analysis at each stage, because positions shift as a change becomes real.",
               "One lesson from our own workplaces is that the people who seem least interested at the start often become the most affected at go-live."]),
    "model": dict(
        title="Choosing a change model",
        bullets=["Kotter's eight stages as a framework", "Adapted for a complex system", "Emphasis on listening as well as urgency",
                 "Revisited at every stage"],
        notes=["We chose Kotter's eight-stage model as our framework, because it is widely known and gives a clear sequence.",
               "But we have adapted it, because health systems are complex and change rarely follows a straight line.",
               "In particular, we have added more emphasis on listening, because urgency without listening tends to produce compliance rather than commitment.",
               "We also looked at Lewin's model of unfreezing, moving and refreezing, which helped us think about making the new way of working stick.",
               "Heifetz's distinction between technical and adaptive challenges was useful too: much of this change is adaptive.",
               "In practice we see the model as a checklist of things not to forget, rather than a recipe to follow.",
               "We would revisit it at each stage and be honest about where we had skipped a step."]),
    "urgency": dict(
        title="Creating urgency without fear",
        bullets=["Share real stories, not only figures", "Be honest about the risks of standing still",
                 "Avoid blaming the current system's staff", "Invite challenge from the start"],
        notes=["Kotter's first step is to create a sense of urgency, and this is where we have thought hardest.",
               "Urgency created through fear tends to shut down the conversations people need to have.",
               "So we would lead with real stories from patients and staff rather than with targets and league tables.",
               "We would be honest that standing still carries risks, without suggesting that anyone has been doing a bad job.",
               "We would also invite challenge from the very start, because the people who challenge a plan are often the people who care most about getting it right.",
               "One of us tried this approach in our own workplace this year, and the difference in the room was remarkable.",
               "The aim is a shared sense that change is needed, not a sense that change is being done to people."]),
    "coalition": dict(
        title="Building a guiding coalition",
        bullets=["A senior sponsor with real authority", "Clinical leads from each profession", "Frontline champions with protected time",
                 "Patient and carer representatives"],
        notes=["No single leader can deliver a change of this scale, so the next step is a guiding coalition.",
               "It needs a senior sponsor with the authority to resolve problems that cross team and organisational boundaries.",
               "It needs clinical leads from each profession, because a change that is seen as belonging to one profession will be resisted by the others.",
               "It needs frontline champions, and crucially they need protected time, because a champion role on top of a full job does not last.",
               "And it needs patients and carers, not as an afterthought but as members with a real voice.",
               "We deliberately included at least one person who was sceptical about the change, because a coalition of enthusiasts can become an echo chamber.",
               "The coalition would meet fortnightly in the first six months and then monthly."]),
    "engagement": dict(
        title="Engaging staff",
        bullets=["Start with the problems staff want solved", "Co-design sessions in every team",
                 "Feedback loops: you said, we did", "Support for staff who find the change hardest"],
        notes=["Engagement is where most change programmes say the right things and then do the minimum.",
               "We want to start with the problems staff themselves want solved, rather than the ones the business case identified.",
               "Every team would have at least one co-design session, run by its own team leader with support from the project.",
               "We would use a simple you said, we did approach, so that people can see their input making a difference.",
               "And we would pay particular attention to the staff who find the change hardest, who are often the least likely to say so.",
               "That includes part-time and night staff, bank and agency staff, and colleagues who are less confident with technology.",
               "Engagement has to continue after go-live, which is when the real problems appear."]),
    "resistance": dict(
        title="Understanding resistance",
        bullets=["Resistance often signals a real problem", "Listen before responding", "Separate the person from the objection",
                 "Some loss is real and should be acknowledged"],
        dense=["Resistance is often a signal that the plan has missed something important, so we would treat objections as information rather than as obstacles to be overcome",
               "Leaders should listen to concerns in person and before responding, because a defensive reply by email usually makes the disagreement worse",
               "It helps to separate the person from the objection: experienced staff who object are often protecting patients or colleagues from a risk they can see",
               "Some of what staff will lose is real, such as familiar routines and hard-won expertise, and it should be acknowledged openly rather than dismissed"],
        notes=["Every change meets resistance, and how leaders respond to it often decides whether the change succeeds.",
               "Our starting point is that resistance is often a signal that the plan has missed something.",
               "In our own workplaces, several of the most vocal objectors turned out to be right about specific risks.",
               "So we would listen before responding, ideally in person rather than by email.",
               "We would try to separate the person from the objection, and to respond to the substance of the concern.",
               "We would also acknowledge that some loss is real: familiar routines, hard-won expertise, a sense of competence.",
               "Change involves loss as well as gain, and pretending otherwise costs trust.",
               "This does not mean that every objection changes the plan, but it does mean that every objection gets a genuine hearing."]),
    "roadmap": dict(
        title="Implementation roadmap",
        bullets=["Months 1 to 3: discovery and co-design", "Months 4 to 6: pilot in one team", "Months 7 to 9: learn, adapt and extend",
                 "Months 10 to 12: embed and hand over"],
        notes=["This is our roadmap for the first year.",
               "The first three months are for discovery and co-design, and we would resist pressure to shorten them.",
               "We would then pilot in one team, chosen because it is willing rather than because it is easy.",
               "Months seven to nine are for learning and adapting, and for extending to further teams using what the pilot taught us.",
               "The final quarter is about embedding the change and handing it over to business as usual, with clear ownership.",
               "We have built in a formal review point at the end of each phase, with the option to pause if the evidence says we should.",
               "The timeline is realistic rather than ambitious, and we think that is a strength."]),
    "measures": dict(
        title="How we will know it is working",
        bullets=["{measure1}", "{measure2}", "Staff experience, measured every quarter", "Equity: who is and is not benefiting"],
        notes=["We would measure success in four ways.",
               "{measure1}.",
               "{measure2}.",
               "We would also measure staff experience every quarter, using a short survey and a few open questions.",
               "And we would look explicitly at equity, asking who is and is not benefiting from the change.",
               "We would report these measures honestly to the board, including the ones that are not moving in the right direction.",
               "Early results should be read with caution, because most changes get worse before they get better."]),
    "risks": dict(
        title="Risks and mitigations",
        bullets=["Change fatigue: pace the rollout", "Loss of sponsorship: agree it in advance", "Technical problems: a tested fallback",
                 "Widening inequality: monitor and adapt"],
        notes=["These are the risks we think matter most.",
               "Change fatigue is real after several difficult years, so we would pace the rollout and avoid overlapping with other major changes.",
               "Sponsorship often fades after launch, so we would agree in advance what the sponsor commits to for the whole year.",
               "Technical problems are likely, so every team would have a tested fallback process, practised before go-live rather than written and filed.",
               "And there is a risk of widening inequality, which we would monitor and respond to.",
               "The risk register is a living document, and we would review it at every coalition meeting."]),
    "leadership": dict(
        title="Our leadership approach",
        bullets=["Compassionate: attend, understand, empathise, help", "Adaptive: give the work back to the teams",
                 "Distributed: leadership at every level", "Visible: present where the work happens"],
        notes=["Finally, a word about the kind of leadership we think this change needs.",
               "It needs to be compassionate, in the sense West and colleagues describe: attending, understanding, empathising and helping.",
               "It needs to be adaptive, giving the work back to the teams who will have to live with the change.",
               "It needs to be distributed, with leadership at every level rather than concentrated in the project team.",
               "And it needs to be visible: present on the wards and in the clinics, not only in the boardroom.",
               "None of us finds all of this easy, and we have each had to unlearn some habits during the module."]),
    "learning": dict(
        title="What we learned as a group",
        bullets=["Disagreement improved our plan", "Working across professions is harder than it looks",
                 "Listening takes time we rarely budget for", "We practised what we preached, mostly"],
        notes=["We want to end with a few reflections on working together as a group.",
               "Our best ideas came from disagreements, particularly between those of us from clinical and non-clinical backgrounds.",
               "We found that working across professions is harder than it looks, even in a group of four people who like each other.",
               "We also found that listening properly takes time, and that we rarely budget for it.",
               "We tried to practise what we preach in this presentation, and mostly we did, although there were moments when deadlines won.",
               "The module has changed how each of us approaches change in our own workplaces."]),
    "recommendations": dict(
        title="Recommendations",
        bullets=["Approve a three-month discovery phase", "Appoint a senior sponsor for the whole year",
                 "Fund protected time for champions", "Report equity measures to the board"],
        notes=["Our recommendations to the board are deliberately short.",
               "First, approve a three-month discovery phase before any decisions about the detailed design are made.",
               "Second, appoint a senior sponsor who commits to the whole year, not just the launch.",
               "Third, fund protected time for frontline champions.",
               "And fourth, require equity measures to be reported to the board alongside the usual performance figures.",
               "Thank you for listening."]),
    "references": dict(
        title="References",
        refs=["Heifetz, R.A., Grashow, A. and Linsky, M. (2009) The Practice of Adaptive Leadership. Boston, MA: Harvard Business Press.",
              "Kotter, J.P. (1996) Leading Change. Boston, MA: Harvard Business School Press.",
              "Lewin, K. (1947) Frontiers in group dynamics. Human Relations, 1(1), pp. 5–41.",
              "West, M., Eckert, R., Collins, B. and Chowla, R. (2017) Caring to Change. London: The King's Fund.",
              "Greenhalgh, T. et al. (2017) Beyond adoption. Journal of Medical Internet Research, 19(11), e367.",
              "Bevan, H. and Fairman, S. (2014) The new era of thinking and practice in change and transformation. Leeds: NHS Improving Quality.",
              "Schein, E.H. (2010) Organizational Culture and Leadership. 4th edn. San Francisco, CA: Jossey-Bass."],
        notes=[]),
    "questions": dict(title="Questions?", bullets=["Thank you"], notes=[]),
}

DECK_TOPICS = {
    "G1": dict(
        title="One record, one team: leading EPR convergence after a merger",
        change="a single electronic patient record", org="the merged trust",
        case1="Clinicians in the merged trust use two different record systems", case2="Patients moving between sites have their history split across both",
        case3="Staff spend an estimated forty minutes a shift looking for information",
        current1="Two record systems, two sets of processes and two cultures", current2="Interfaces between the systems are fragile and often fail overnight",
        vision1="One record for every patient, wherever they are seen", vision2="The information clinicians need, when and where they need it",
        group1="Ward nurses", group2="Junior doctors", group3="Consultants",
        measure1="Time spent searching for information, sampled each quarter", measure2="Incidents involving missing or conflicting records"),
    "G2": dict(
        title="Bringing virtual wards to scale across an integrated care system",
        change="virtual wards at scale", org="the integrated care system",
        case1="Acute beds in the system run above ninety-five per cent occupancy", case2="Virtual wards exist in three places but work in three different ways",
        case3="Older people wait longest for a bed and lose most from a long stay",
        current1="Three virtual wards with different criteria, staffing and technology", current2="Referrers are unsure who is eligible and how to refer",
        vision1="One virtual ward model, available to everyone who could benefit", vision2="Hospital-level care at home, with the same standard everywhere",
        group1="Community nurses", group2="General practitioners", group3="Acute consultants",
        measure1="Occupancy and length of stay on the virtual wards", measure2="Readmissions and escalations to hospital within thirty days"),
    "G3": dict(
        title="A digital front door for community services",
        change="a digital front door", org="the community trust",
        case1="Most patients still book community appointments by telephone", case2="Referral information often arrives incomplete or on paper",
        case3="Phone lines are busiest from eight to ten each morning",
        current1="Forty-two services, each with its own booking process", current2="No single view of a patient's community appointments",
        vision1="Patients book, change and ask about appointments online or by phone", vision2="Carers can act for the people they look after",
        group1="Administrative teams", group2="Community clinicians", group3="Service managers",
        measure1="Share of bookings made online and calls answered within two minutes", measure2="Missed appointments and patient-reported ease of booking"),
    "G4": dict(
        title="From paper to practice: leading electronic rostering across surgery",
        change="electronic rostering", org="the surgical division",
        case1="Rotas for six surgical wards are still planned on paper and spreadsheets", case2="Shifts are filled late, often by agency staff at high cost",
        case3="Staff say that requests for flexible working are handled inconsistently",
        current1="Six wards, six ways of rostering", current2="Ward sisters spend a day a week on the rota",
        vision1="Fair, transparent rotas, published six weeks ahead", vision2="Flexible working requests handled consistently across the division",
        group1="Ward sisters", group2="Staff nurses", group3="Finance and workforce",
        measure1="Rotas published at least six weeks ahead", measure2="Agency spend and unfilled shifts per month"),
}

# Per group: the presenter (who hands the deck in), slides, how many note sentences a slide
# gets (None: all of them), which slides are crowded, how the members are named.
DECK_PLAN = [
    ("G1", "C1001", "G1-presentation.pptx",
     ["agenda", "case", "current", "vision", "stakeholders", "model", "coalition", "engagement", "resistance", "roadmap",
      "measures", "recommendations", "references", "questions"], 6, [], "full", "clean"),
    ("G2", "C1007", "Group 2 - virtual wards at scale FINAL.pptx",
     ["agenda", "case", "current", "vision", "stakeholders", "model", "urgency", "coalition", "engagement", "resistance",
      "roadmap", "measures", "risks", "leadership", "learning", "recommendations", "references", "questions"], None, [], "initial",
     "OVER TIME: notes far above 15 x 130 words"),
    ("G3", "C1011", "G3_digital_front_door.pptx",
     ["agenda", "case", "current", "vision", "stakeholders", "model", "coalition", "engagement", "resistance", "roadmap",
      "measures", "risks", "recommendations", "references", "questions"], 6, ["case", "resistance"], "plain",
     "two DENSE slides (over 75 words)"),
    ("G4", "C1013", "G4 presentation.pptx",
     ["agenda", "case", "current", "vision", "stakeholders", "coalition", "engagement", "resistance", "roadmap",
      "measures", "leadership", "references", "questions"], 6, [], "order", "clean; a long references slide, never flagged"),
]

# What a group that wrote out everything it wanted to say adds to each slide's notes (the
# virtual-wards group, whose script runs far over its slot).
DECK_MORE_NOTES = {
    "agenda": ["We have a lot to get through, so we will try to keep each section brief, although we have found that hard in rehearsal.",
               "If we run short of time, we will skip some of the detail in the middle and come back to it in questions."],
    "case": ["To give you a sense of scale, on a typical winter morning there are more than sixty people in our acute hospitals who are medically fit to leave but waiting for a package of care.",
             "Every one of those days in hospital carries a risk of deconditioning, infection and loss of confidence, particularly for people living with frailty.",
             "At the same time, the virtual ward beds we already have are not always full, because referrers do not know about them or do not trust them.",
             "So the problem is not only capacity, it is also confidence, consistency and communication between the parts of the system."],
    "current": ["The three existing virtual wards were set up quickly during and after the pandemic, each by a different provider with different funding.",
                "One is run by the acute trust and focuses on respiratory patients, one by the community trust for frailty, and one by a general practice federation for heart failure.",
                "Each uses a different monitoring platform, and none of them can see the others' records.",
                "When we asked referrers which virtual ward they would use for a particular patient, most of them could not tell us, and several did not know all three existed."],
    "vision": ["We imagine a single front door for virtual ward referrals across the system, with one set of eligibility criteria and one clinical team rota.",
               "Patients would be monitored using whatever technology suits them, including telephone calls for people who do not use smartphones.",
               "Consultant oversight would be shared between the acute and community trusts, so that no patient falls between organisations.",
               "We tested this vision with a patient group, who told us that what matters most to them is knowing who to call when they are worried, at any time of day or night."],
    "stakeholders": ["We spent a whole session on this grid and changed it several times.",
                     "Acute consultants were the group we argued about most, because their influence is high but their interest varies enormously from one specialty to another.",
                     "Geriatricians were strongly supportive, while some surgical teams saw virtual wards as irrelevant to their patients.",
                     "We also realised that we had left out the ambulance service at first, even though paramedics are among the most important referrers for admission avoidance."],
    "model": ["We should say that there was some debate in the group about whether Kotter's model was the right choice at all.",
              "Two of us felt that it is too linear for a system with so many organisations, and that a complexity-informed approach would be more honest.",
              "We settled on Kotter as a scaffold because the board members we would be presenting to know it and find it reassuring.",
              "But we have tried throughout to show where we would depart from it, and why."],
    "urgency": ["One of the stories we would use comes from a carer we spoke to, whose father spent eleven days in hospital waiting for a care package he eventually did not need.",
                "She told us that he went in walking and came out needing a frame, and that nobody had ever mentioned that he could have been cared for at home.",
                "Stories like that carry more weight with clinicians than any occupancy figure, because they recognise them from their own practice.",
                "We would ask the clinicians on the coalition to collect and share stories like this from their own services."],
    "coalition": ["In practice, we think the senior sponsor should be the system's chief medical officer, because the biggest barriers are clinical confidence and shared responsibility.",
                  "We would ask each provider to nominate a clinical lead and a manager, and to release them for half a day a fortnight.",
                  "Finding the right frontline champions is harder, and we would ask teams to nominate them rather than appoint them from above.",
                  "The patient and carer representatives would be paid for their time, in line with the system's involvement policy."],
    "engagement": ["We would begin with listening events in each locality, run jointly by the three existing virtual ward teams.",
                   "These would be open to anyone, including social care staff and the voluntary sector, who are often left out of health service redesign.",
                   "After each event we would publish a short summary of what we heard and what we plan to do about it.",
                   "We would also visit every referring team in person at least once, because emails and bulletins do not reach busy clinicians."],
    "resistance": ["We expect the strongest resistance to come from the teams who run the current virtual wards, who have put a great deal into building them.",
                   "Asking them to give up their own models for a shared one involves a real loss of identity and control.",
                   "We would involve them as designers of the new model rather than as recipients of it, and recognise publicly what they have achieved.",
                   "We also expect some resistance from acute consultants who worry about clinical responsibility for patients they cannot see."],
    "roadmap": ["The discovery phase would include mapping every referral route into the current virtual wards and understanding why referrals fail.",
                "The pilot would bring two of the three virtual wards together under shared criteria and a shared rota, leaving the third to join later.",
                "We chose that order because the two teams already have a good working relationship, which gives the pilot the best chance.",
                "Extending to the whole system would depend on the pilot meeting agreed criteria for safety, occupancy and staff experience."],
    "measures": ["We want to avoid the trap of measuring only what is easy to count, such as the number of beds.",
                 "Occupancy matters, but so does whether the right patients are being admitted, which we would check through a monthly case review.",
                 "For staff experience we would use a short pulse survey and a few open questions, repeated every quarter.",
                 "For equity, we would compare the age, ethnicity and deprivation of virtual ward patients with those of patients admitted to hospital with similar conditions."],
    "risks": ["The risk that worries us most is a serious incident in the first months, which could undermine confidence across the whole system.",
              "To reduce that risk, we would agree clear escalation criteria and make sure that every patient and carer knows how to get help at any time.",
              "We would also agree in advance how any incident would be reviewed, so that the review focuses on learning rather than blame.",
              "Finally, there is a financial risk, since national funding for virtual wards is not guaranteed beyond next year."],
    "leadership": ["Each of us has tried to apply these principles in our own roles this year, with mixed success.",
                   "The hardest part for most of us has been giving the work back, because we are used to being the person who solves the problem.",
                   "Being visible has also been harder than it sounds, because meetings expand to fill the time available.",
                   "But where we have managed it, the difference in how our teams responded has been striking."],
    "learning": ["We met every week for three months, mostly online, and kept a shared log of decisions and disagreements.",
                 "Our biggest disagreement was about how much detail to include, which you may feel we have not fully resolved.",
                 "We also learned a lot from each other's organisations, which face the same problems in quite different ways.",
                 "If we did this again, we would agree our roles earlier and spend less time on the slides and more on rehearsing."],
    "recommendations": ["We know that boards are asked to approve many programmes, and that this one asks for patience at a time of great pressure.",
                        "But we believe that the cost of a rushed roll-out, in lost trust and wasted effort, would be far greater than the cost of a careful start.",
                        "We would be happy to answer any questions."],
}

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
PML = "application/vnd.openxmlformats-officedocument.presentationml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_DECL = f'xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:p="{P_NS}"'
GROUP_PROPS = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
               '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
               '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def a_runs(text, rng, size=None):
    """A DrawingML paragraph's runs, split here and there as PowerPoint leaves them."""
    size_attr = f' sz="{size}"' if size else ""
    points = [0]
    spaces = [m.start() for m in re.finditer(" ", text)]
    if spaces and rng.random() < 0.3:
        points.append(rng.choice(spaces) + 1)
    points.append(len(text))
    return "".join(f'<a:r><a:rPr lang="en-GB"{size_attr} dirty="0"/><a:t>{escape(text[a:b])}</a:t></a:r>'
                   for a, b in zip(points, points[1:]) if b > a)


def a_paragraphs(lines, rng, size=None):
    return "".join(f"<a:p>{a_runs(line, rng, size)}</a:p>" for line in lines) or '<a:p><a:endParaRPr lang="en-GB"/></a:p>'


def placeholder_shape(shape_id, name, ph, lines, rng, size=None, xfrm=""):
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f"<p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr>"
            f"<p:txBody><a:bodyPr/><a:lstStyle/>{a_paragraphs(lines, rng, size)}</p:txBody></p:sp>")


def slide_number_shape(shape_id, number, idx):
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Slide Number Placeholder {shape_id - 1}"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph type="sldNum" sz="quarter" idx="{idx}"/></p:nvPr></p:nvSpPr><p:spPr/>'
            '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">'
            f'<a:rPr lang="en-GB"/><a:t>{number}</a:t></a:fld><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>')


def table_frame(shape_id, rows, rng):
    cols = len(rows[0])
    width = 10515600 // cols
    grid = "".join(f'<a:gridCol w="{width}"/>' for _ in range(cols))
    body = []
    for row in rows:
        cells = "".join(f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>{a_runs(cell, rng, 1600)}</a:p></a:txBody><a:tcPr/></a:tc>'
                        for cell in row)
        body.append(f'<a:tr h="370840">{cells}</a:tr>')
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Table {shape_id - 1}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            '<p:xfrm><a:off x="838200" y="1825625"/><a:ext cx="10515600" cy="1854200"/></p:xfrm>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
            '<a:tbl><a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}</a:tableStyleId></a:tblPr>'
            f'<a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')


def slide_xml(slide, number, rng):
    """One slide: `slide` is a dict with kind (title/content/table), title, lines or rows."""
    shapes = []
    if slide["kind"] == "title":
        shapes.append(placeholder_shape(2, "Title 1", '<p:ph type="ctrTitle"/>', [slide["title"]], rng))
        shapes.append(placeholder_shape(3, "Subtitle 2", '<p:ph type="subTitle" idx="1"/>', slide["lines"], rng))
    else:
        shapes.append(placeholder_shape(2, "Title 1", '<p:ph type="title"/>', [slide["title"]], rng))
        if slide["kind"] == "table":
            shapes.append(table_frame(3, slide["rows"], rng))
        else:
            size = 1800 if slide.get("small") else None
            shapes.append(placeholder_shape(3, "Content Placeholder 2", '<p:ph idx="1"/>', slide["lines"], rng, size))
        shapes.append(slide_number_shape(4, number, 12))
    return (XML_DECL + f'<p:sld {NS_DECL}><p:cSld><p:spTree>{GROUP_PROPS}{"".join(shapes)}</p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def notes_xml(lines, number, rng):
    return (XML_DECL + f'<p:notes {NS_DECL}><p:cSld><p:spTree>{GROUP_PROPS}'
            '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>'
            '<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
            + placeholder_shape(3, "Notes Placeholder 2", '<p:ph type="body" idx="1"/>', lines, rng)
            + slide_number_shape(4, number, 5)
            + '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')


def rels_xml(rels):
    body = "".join(f'<Relationship Id="{i}" Type="{RT}/{t}" Target="{target}"/>' for i, t, target in rels)
    return XML_DECL + f'<Relationships xmlns="{REL_NS}">{body}</Relationships>'


def theme_xml(name):
    colours = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'), ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
               ("dk2", '<a:srgbClr val="0E2841"/>'), ("lt2", '<a:srgbClr val="E8E8E8"/>'),
               ("accent1", '<a:srgbClr val="156082"/>'), ("accent2", '<a:srgbClr val="E97132"/>'),
               ("accent3", '<a:srgbClr val="196B24"/>'), ("accent4", '<a:srgbClr val="0F9ED5"/>'),
               ("accent5", '<a:srgbClr val="A02B93"/>'), ("accent6", '<a:srgbClr val="4EA72E"/>'),
               ("hlink", '<a:srgbClr val="467886"/>'), ("folHlink", '<a:srgbClr val="96607D"/>')]
    scheme = "".join(f"<a:{n}>{c}</a:{n}>" for n, c in colours)
    fonts = ('<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Aptos Display"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
             '<a:minorFont><a:latin typeface="Aptos"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>')
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'
    fmt = (f'<a:fmtScheme name="Office"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>'
           f'<a:lnStyleLst>{line.format(w=12700)}{line.format(w=19050)}{line.format(w=25400)}</a:lnStyleLst>'
           '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>'
           '<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'
           f'<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>')
    return (XML_DECL + f'<a:theme xmlns:a="{A_NS}" name="{name}"><a:themeElements><a:clrScheme name="Office">{scheme}</a:clrScheme>'
            f"{fonts}{fmt}</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>")


CLR_MAP = ('<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
           'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>')


def master_xml(layouts):
    def level(n, size, bullet=True):
        char = '<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>' if bullet else "<a:buNone/>"
        return (f'<a:lvl{n}pPr marL="{228600 + (n - 1) * 457200 if bullet else 0}" indent="{-228600 if bullet else 0}" algn="l">'
                f'<a:spcBef><a:spcPts val="1000"/></a:spcBef>{char}<a:defRPr sz="{size}" kern="1200">'
                '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>'
                f'<a:cs typeface="+mn-cs"/></a:defRPr></a:lvl{n}pPr>')
    title_style = ('<p:titleStyle><a:lvl1pPr algn="l"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
                   '<a:defRPr sz="4400" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
                   '<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>')
    body_style = "<p:bodyStyle>" + level(1, 2800) + level(2, 2400) + level(3, 2000) + "</p:bodyStyle>"
    other_style = '<p:otherStyle><a:defPPr><a:defRPr lang="en-GB"/></a:defPPr></p:otherStyle>'
    xfrm = lambda x, y, cx, cy: f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    rng = random.Random("master")
    shapes = (placeholder_shape(2, "Title Placeholder 1", '<p:ph type="title"/>', ["Click to edit Master title style"], rng,
                                xfrm=xfrm(838200, 365125, 10515600, 1325563))
              + placeholder_shape(3, "Text Placeholder 2", '<p:ph type="body" idx="1"/>', ["Click to edit Master text styles"], rng,
                                  xfrm=xfrm(838200, 1825625, 10515600, 4351338))
              + slide_number_shape(4, "\u2039#\u203a", 4))
    ids = "".join(f'<p:sldLayoutId id="{2147483649 + i}" r:id="rId{i + 1}"/>' for i in range(len(layouts)))
    return (XML_DECL + f'<p:sldMaster {NS_DECL}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'
            f'<p:spTree>{GROUP_PROPS}{shapes}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>'
            f'<p:txStyles>{title_style}{body_style}{other_style}</p:txStyles></p:sldMaster>')


PPTX_LAYOUTS = [("title", "Title Slide", [("ctrTitle", None), ("subTitle", 1)]),
                ("obj", "Title and Content", [("title", None), (None, 1), ("sldNum", 12)]),
                ("titleOnly", "Title Only", [("title", None), ("sldNum", 12)])]


def layout_xml(kind, name, placeholders):
    rng = random.Random("layout")
    shapes = []
    for n, (ph_type, idx) in enumerate(placeholders, start=2):
        attrs = (f' type="{ph_type}"' if ph_type else "") + (f' idx="{idx}"' if idx is not None else "")
        if ph_type == "sldNum":
            shapes.append(slide_number_shape(n, "\u2039#\u203a", idx))
        else:
            shapes.append(placeholder_shape(n, f"Placeholder {n - 1}", f"<p:ph{attrs}/>", [], rng))
    return (XML_DECL + f'<p:sldLayout {NS_DECL} type="{kind}" preserve="1"><p:cSld name="{name}"><p:spTree>{GROUP_PROPS}'
            f'{"".join(shapes)}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>')


def notes_master_xml():
    return (XML_DECL + f'<p:notesMaster {NS_DECL}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'
            f'<p:spTree>{GROUP_PROPS}</p:spTree></p:cSld>{CLR_MAP}</p:notesMaster>')


def pptx_bytes(slides, creator, title, seed, file_order=None):
    """A PresentationML package. `slides` are in talk order; `file_order` (optional) gives
    the file number of each slide, as when slides were moved after they were made."""
    rng = random.Random(seed + ":pptx")
    n = len(slides)
    files = file_order or list(range(1, n + 1))
    entries = []
    overrides = [("/ppt/presentation.xml", f"{PML}.presentation.main+xml")]
    for number in sorted(files):
        overrides.append((f"/ppt/slides/slide{number}.xml", f"{PML}.slide+xml"))
    for i in range(len(PPTX_LAYOUTS)):
        overrides.append((f"/ppt/slideLayouts/slideLayout{i + 1}.xml", f"{PML}.slideLayout+xml"))
    overrides.append(("/ppt/slideMasters/slideMaster1.xml", f"{PML}.slideMaster+xml"))
    notes_files = [files[i] for i, s in enumerate(slides) if s["notes"]]
    for number in sorted(notes_files):
        overrides.append((f"/ppt/notesSlides/notesSlide{number}.xml", f"{PML}.notesSlide+xml"))
    overrides += [("/ppt/notesMasters/notesMaster1.xml", f"{PML}.notesMaster+xml"),
                  ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                  ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                  ("/ppt/presProps.xml", f"{PML}.presProps+xml"), ("/ppt/viewProps.xml", f"{PML}.viewProps+xml"),
                  ("/ppt/tableStyles.xml", f"{PML}.tableStyles+xml"),
                  ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                  ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    content_types = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides) + "</Types>")
    entries.append(("[Content_Types].xml", content_types))
    entries.append(("_rels/.rels", XML_DECL + f'<Relationships xmlns="{REL_NS}">'
                    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/>'
                    "</Relationships>"))
    # presentation.xml: master rId1, slides rId(file + 1), then the rest.
    slide_rid = {f: f"rId{f + 1}" for f in files}
    tail = n + 2
    pres_rels = [("rId1", "slideMaster", "slideMasters/slideMaster1.xml")]
    pres_rels += [(slide_rid[f], "slide", f"slides/slide{f}.xml") for f in sorted(files)]
    pres_rels += [(f"rId{tail}", "notesMaster", "notesMasters/notesMaster1.xml"), (f"rId{tail + 1}", "presProps", "presProps.xml"),
                  (f"rId{tail + 2}", "viewProps", "viewProps.xml"), (f"rId{tail + 3}", "theme", "theme/theme1.xml"),
                  (f"rId{tail + 4}", "tableStyles", "tableStyles.xml")]
    slide_ids = "".join(f'<p:sldId id="{255 + f}" r:id="{slide_rid[f]}"/>' for f in files)
    presentation = (XML_DECL + f'<p:presentation {NS_DECL} saveSubsetFonts="1">'
                    '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
                    f'<p:notesMasterIdLst><p:notesMasterId r:id="rId{tail}"/></p:notesMasterIdLst>'
                    f"<p:sldIdLst>{slide_ids}</p:sldIdLst>"
                    '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
                    '<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-GB"/></a:defPPr></p:defaultTextStyle></p:presentation>')
    entries.append(("ppt/presentation.xml", presentation))
    entries.append(("ppt/_rels/presentation.xml.rels", rels_xml(pres_rels)))
    by_file = sorted(range(n), key=lambda i: files[i])
    for i in by_file:
        slide, f = slides[i], files[i]
        layout = {"title": 1, "content": 2, "table": 3}[slide["kind"]]
        entries.append((f"ppt/slides/slide{f}.xml", slide_xml(slide, i + 1, rng)))
        rels = [("rId1", "slideLayout", f"../slideLayouts/slideLayout{layout}.xml")]
        if slide["notes"]:
            rels.append(("rId2", "notesSlide", f"../notesSlides/notesSlide{f}.xml"))
        entries.append((f"ppt/slides/_rels/slide{f}.xml.rels", rels_xml(rels)))
    for i in by_file:
        slide, f = slides[i], files[i]
        if slide["notes"]:
            entries.append((f"ppt/notesSlides/notesSlide{f}.xml", notes_xml(slide["notes"], i + 1, rng)))
            entries.append((f"ppt/notesSlides/_rels/notesSlide{f}.xml.rels",
                            rels_xml([("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                                      ("rId2", "slide", f"../slides/slide{f}.xml")])))
    for i, (kind, name, placeholders) in enumerate(PPTX_LAYOUTS, start=1):
        entries.append((f"ppt/slideLayouts/slideLayout{i}.xml", layout_xml(kind, name, placeholders)))
        entries.append((f"ppt/slideLayouts/_rels/slideLayout{i}.xml.rels", rels_xml([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])))
    entries.append(("ppt/slideMasters/slideMaster1.xml", master_xml(PPTX_LAYOUTS)))
    master_rels = [(f"rId{i}", "slideLayout", f"../slideLayouts/slideLayout{i}.xml") for i in range(1, len(PPTX_LAYOUTS) + 1)]
    master_rels.append((f"rId{len(PPTX_LAYOUTS) + 1}", "theme", "../theme/theme1.xml"))
    entries.append(("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels_xml(master_rels)))
    entries.append(("ppt/notesMasters/notesMaster1.xml", notes_master_xml()))
    entries.append(("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels_xml([("rId1", "theme", "../theme/theme2.xml")])))
    entries.append(("ppt/theme/theme1.xml", theme_xml("Office Theme")))
    entries.append(("ppt/theme/theme2.xml", theme_xml("Office Theme")))
    entries.append(("ppt/presProps.xml", XML_DECL + f"<p:presentationPr {NS_DECL}/>"))
    entries.append(("ppt/viewProps.xml", XML_DECL + f'<p:viewPr {NS_DECL}><p:normalViewPr><p:restoredLeft sz="15620"/>'
                    '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="72008" cy="72008"/></p:viewPr>'))
    entries.append(("ppt/tableStyles.xml", XML_DECL + f'<a:tblStyleLst xmlns:a="{A_NS}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>'))
    day = 10 + int(creator[-2:]) % 15
    entries.append(("docProps/core.xml", core_xml(title, creator, f"2027-05-{day:02d}T10:00:00Z", f"2027-06-{day:02d}T16:30:00Z", rng.randint(5, 60))))
    slide_words = sum(slide["words"] for slide in slides)
    paragraphs = sum(len(slide.get("lines", [])) + 1 for slide in slides)
    entries.append(("docProps/app.xml", XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                    f"<TotalTime>{rng.randint(300, 1500)}</TotalTime><Words>{slide_words}</Words>"
                    "<Application>Microsoft Office PowerPoint</Application><PresentationFormat>Widescreen</PresentationFormat>"
                    f"<Paragraphs>{paragraphs}</Paragraphs><Slides>{n}</Slides><Notes>{len(notes_files)}</Notes>"
                    "<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
                    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>"))
    return zip_bytes([(name, text.encode("utf-8")) for name, text in entries])

def deck_fill(text, topic):
    return re.sub(r"\{(\w+)\}", lambda m: topic[m.group(1)], text)


def compose_deck(plan, roster):
    group, presenter, filename, keys, note_count, dense, naming, note = plan
    topic = DECK_TOPICS[group]
    members = [row for cid, row in sorted(roster.items()) if row["group"] == group]
    firsts = [row["name"].split()[0] if row["candidate_id"] != "C1014" else "Lan" for row in members]
    names = [row["name"] for row in members]
    if naming == "initial":  # one member by an initial only: not recognisably named
        names[-1] = f"{names[-1].split()[0][0]}. {names[-1].split()[-1]}"
    elif naming == "plain":  # accents left off, as typed on a UK keyboard
        import unicodedata
        names = ["".join(c for c in unicodedata.normalize("NFD", n) if unicodedata.category(c) != "Mn") for n in names]
    elif naming == "order":  # family name last for everyone
        names = ["Lan Nguyen" if row["candidate_id"] == "C1014" else row["name"] for row in members]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    number = group[1:]
    slides = [dict(kind="title", title=topic["title"],
                   lines=[f"Group {number}: {listed}", "Leadership and transformational change, June 2027"],
                   notes=[f"Good morning, everyone. We are group {number}: {', '.join(firsts[:-1])} and {firsts[-1]}.",
                          f"Our presentation is about {topic['change']}, and how we would lead that change in {topic['org']}."])]
    speakers = len(members)
    talking = [k for k in keys if DECK_SLIDES[k]["notes"]]
    for key in keys:
        spec = DECK_SLIDES[key]
        slide = dict(title=spec["title"], notes=[])
        if "table" in spec:
            slide.update(kind="table", rows=[[deck_fill(c, topic) for c in row] for row in spec["table"]])
        elif "refs" in spec:
            refs = spec["refs"] if "long references" in note else spec["refs"][:4]
            slide.update(kind="content", lines=list(refs), small=True)
        else:
            bullets = spec["dense"] if key in dense else spec["bullets"]
            slide.update(kind="content", lines=[deck_fill(b, topic) for b in bullets], small=key in dense)
        sentences = [deck_fill(s, topic) for s in spec["notes"]]
        if note_count is not None:
            sentences = sentences[:note_count]
        elif sentences:
            # A script with everything in it: the extra detail goes before the closing words.
            more = DECK_MORE_NOTES.get(key, [])
            sentences = sentences[:-1] + more + sentences[-1:]
        if sentences:
            # Hand over to the next speaker when the slide after this one is theirs.
            position = talking.index(key)
            speaker = position * speakers // len(talking)
            following = (position + 1) * speakers // len(talking)
            if following != speaker and following < speakers:
                sentences.append(f"I will now hand over to {firsts[following]}.")
            half = (len(sentences) + 1) // 2
            slide["notes"] = [" ".join(sentences[:half]), " ".join(sentences[half:])] if len(sentences) > 3 else [" ".join(sentences)]
        slides.append(slide)
    for slide in slides:
        texts = [slide["title"]] + slide.get("lines", []) + [c for row in slide.get("rows", []) for c in row]
        slide["words"] = sum(count_words(t) for t in texts)
        slide["notes_words"] = sum(count_words(t) for t in slide["notes"])
    return slides

# ---------------------------------------------------------------------------------------
# Writing the three assessments of issue 3
# ---------------------------------------------------------------------------------------

# msc-dissertation: (candidate, topic, variant, target body words, file name, options, note).
# C1002, C1005, C1009 and C1012 submit; nobody else does.
DISS_PLAN = [
    ("C1002", "vw", 0, 9400, "dissertation_final.docx", {}, "clean: every part, abstract within 300, citations and list match"),
    ("C1005", "epr", 0, 8520, "C1005 MSc dissertation.docx", dict(missing_discussion=True), "NO Discussion chapter"),
    ("C1009", "vw", 1, 9650, "Dissertation FINAL v4.docx", dict(long_abstract=True), "abstract OVER 300 words"),
    ("C1012", "epr", 1, 9200, "msc-dissertation.docx", dict(broken_refs=True), "3 works cited but not listed, 2 listed but never cited"),
]


def write_issue3(roster):
    """Writes msc-dissertation, ltc-group-presentation and ltc-reflective-journal; returns
    the intended figures of every file, for printing."""
    lines = []

    # --- msc-dissertation: one DOCX per candidate ----------------------------------------
    base = os.path.join(COURSE, "assessments", "msc-dissertation", "submissions")
    lines.append("msc-dissertation (limit 10,000 + 10%; abstract limit 300):")
    for cid, topic, variant, target, filename, options, note in DISS_PLAN:
        seed = f"msc-dissertation:{cid}"
        doc = compose_dissertation(topic, variant, target, seed, **options)
        f = doc.figures
        if not 8500 <= f["body_words"] <= 10000:
            raise SystemExit(f"{cid}: dissertation body {f['body_words']} words is outside 8,500-10,000")
        if (f["abstract_words"] > 300) != bool(options.get("long_abstract")):
            raise SystemExit(f"{cid}: abstract of {f['abstract_words']} words is not as intended")
        day = 2 + int(cid[-2:]) % 20
        data = docx_bytes(doc, cid, f"Candidate {cid} \u2014 MSc dissertation", seed,
                          created=f"2026-11-{day:02d}T19:{int(cid[-2:]) * 7 % 60:02d}:00Z",
                          modified=f"2027-08-{day + 5:02d}T{8 + int(cid[-1]) % 12:02d}:05:00Z")
        check_docx(data)
        path = os.path.join(base, cid, filename)
        write_file(path, data)
        lines.append(f"  {cid} {os.path.relpath(path, HERE)}  [{note}]")
        lines.append(f"      body words {f['body_words']}, abstract words {f['abstract_words']}, references {f['references']}, "
                     f"citations {f['citations']}, cited works {f['cited_works']} ({f['cited_first_author_years']} by first author and year), "
                     f"footnotes {len(doc.footnotes)}")
        lines.append(f"      missing parts {f['missing_parts'] or 'none'}; cited not listed {f['cited_not_listed'] or 'none'}; "
                     f"listed not cited {f['listed_not_cited'] or 'none'}")

    # --- ltc-group-presentation: one PPTX per group, in one member's folder ----------------
    base = os.path.join(COURSE, "assessments", "ltc-group-presentation", "submissions")
    lines.append("ltc-group-presentation (slot 15 minutes at 130 words a minute = 1,950 words of notes; 75 words a slide):")
    for plan in DECK_PLAN:
        group, presenter, filename, note = plan[0], plan[1], plan[2], plan[-1]
        slides = compose_deck(plan, roster)
        n = len(slides)
        order = list(range(1, 6)) + [n] + list(range(6, n)) if group == "G4" else None
        data = pptx_bytes(slides, presenter, DECK_TOPICS[group]["title"], f"ltc-group-presentation:{group}", order)
        check_docx(data)
        path = os.path.join(base, presenter, filename)
        write_file(path, data)
        notes = sum(s["notes_words"] for s in slides)
        words = [s["words"] for s in slides]
        dense = [i + 1 for i, s in enumerate(slides) if s["words"] > 75 and s["title"] != "References"]
        without = [i + 1 for i, s in enumerate(slides) if s["notes_words"] == 0]
        if not 12 <= n <= 20 or (notes > 1950) != ("OVER TIME" in note) or bool(dense) != ("DENSE" in note):
            raise SystemExit(f"{group}: deck figures are not as intended")
        lines.append(f"  {group} {os.path.relpath(path, HERE)}  [{note}]")
        lines.append(f"      slides {n}, slide words {sum(words)}, words per slide {words}")
        lines.append(f"      dense slides {dense or 'none'}; notes words {notes} = {notes / 130:.1f} minutes; slides without notes {without}")
        members = sorted(cid for cid, row in roster.items() if row["group"] == group)
        named = members[:-1] if plan[6] == "initial" else members  # "K. Mensah" names nobody
        lines.append(f"      group {group}: members {members}, named on the title slide {named} ({slides[0]['lines'][0]})")

    # --- ltc-reflective-journal: one DOCX per candidate --------------------------------------
    import datetime
    base = os.path.join(COURSE, "assessments", "ltc-reflective-journal", "submissions")
    deadline = datetime.date(2027, 6, 30)
    lines.append("ltc-reflective-journal (deadline 30 June 2027; at least 8 entries of 150 words, gaps of at most 45 days, 6 months):")
    files = {"C1003": "reflective journal.docx", "C1006": "C1006_journal.docx", "C1008": "Journal - final.docx",
             "C1010": "LTC reflective journal.docx", "C1014": "journal_C1014.docx"}
    for plan in JOURNAL_PLAN:
        cid, note = plan[0], plan[7]
        seed = f"ltc-reflective-journal:{cid}"
        essay, entries, intro_words = compose_journal(plan, seed)
        data = docx_bytes(essay, cid, f"Candidate {cid} \u2014 Reflective journal", seed,
                          created=f"2026-10-{int(cid[-2:]) % 9 + 1:02d}T20:15:00Z",
                          modified=f"2027-06-{20 + int(cid[-2:]) % 9:02d}T21:40:00Z")
        check_docx(data)
        path = os.path.join(base, cid, files[cid])
        write_file(path, data)
        days = [datetime.date.fromisoformat(iso) for iso, _, _ in entries]
        gaps = [(b - a).days for a, b in zip(days, days[1:])]
        on_time = [d for d in days if d <= deadline]
        months = len({(d.year, d.month) for d in on_time})
        lines.append(f"  {cid} {os.path.relpath(path, HERE)}  [{note}]")
        lines.append(f"      entries {len(entries)} ({len(on_time)} by the deadline), first {days[0]}, last {days[-1]}, "
                     f"longest gap {max(gaps)} days, months {months}, undated words {intro_words}")
        lines.append(f"      words per entry {[w for _, w, _ in entries]}")
        lines.append(f"      headings {[h for _, _, h in entries]}")
    return lines


def main():
    roster = read_roster()
    report = []

    # --- hs-process-evaluation: one folder per candidate ---------------------------------
    limit = 2500
    base = os.path.join(COURSE, "assessments", "hs-process-evaluation", "submissions")
    for cid, filename, target, note in HS_PLAN:
        seed = f"hs-process-evaluation:{cid}"
        goal = target if target is not None else normal_target(seed, limit)
        essay = compose("hs", roster[cid], goal, seed, force_footnote=filename.endswith(".md"))
        words = essay.body_words()
        check_band(cid, words, limit, target)
        path = os.path.join(base, cid, filename)
        if filename.endswith(".md"):
            write_file(path, markdown_text(essay).encode("utf-8"))
            title_words = count_words(essay.title())
            note = (f"{note}; the '# ' title line adds {title_words} words if counted as a heading")
        else:
            day = 3 + int(cid[-2:]) % 10
            data = docx_bytes(essay, cid, f"Candidate {cid} \u2014 Process evaluation", seed,
                              created=f"2026-12-{day:02d}T09:{int(cid[-2:]) * 3 % 60:02d}:00Z",
                              modified=f"2027-01-{day:02d}T{10 + int(cid[-1]) % 8:02d}:12:00Z")
            check_docx(data)
            if "BROKEN" in note:
                data = data[: len(data) // 2]
            write_file(path, data)
        report.append(("hs-process-evaluation", os.path.relpath(path, HERE), words, note))

    # --- hit-briefing-paper: one Moodle "Download all submissions" zip --------------------
    limit = 1500
    entries = []
    for cid, filename, target, note in HIT_PLAN:
        seed = f"hit-briefing-paper:{cid}"
        goal = target if target is not None else normal_target(seed, limit)
        essay = compose("hit", roster[cid], goal, seed)
        words = essay.body_words()
        check_band(cid, words, limit, target)
        day = 1 + int(cid[-2:]) % 10
        data = docx_bytes(essay, cid, f"Candidate {cid} \u2014 Briefing paper", seed,
                          created=f"2027-02-{day:02d}T14:{int(cid[-2:]) * 7 % 60:02d}:00Z",
                          modified=f"2027-03-{day:02d}T{9 + int(cid[-1]) % 9:02d}:41:00Z")
        check_docx(data)
        person = roster[cid]
        folder = f"{person['name']}_{person['lms_id']}_assignsubmission_file_"
        entries.append((person["name"], f"{folder}/{filename}", data))
        report.append(("hit-briefing-paper", f"moodle-download.zip: {folder}/{filename}", words, note))
    entries.sort(key=lambda e: e[0])
    zip_path = os.path.join(COURSE, "assessments", "hit-briefing-paper", "submissions", "moodle-download.zip")
    write_file(zip_path, zip_bytes([(name, data) for _, name, data in entries], create_system=3))

    print("Intended body word counts (headings + paragraphs + list items of the body;")
    print("not the title, tables, captions, footnotes, header/footer or references):")
    for assessment, path, words, note in report:
        suffix = f"  [{note}]" if note else ""
        print(f"  {assessment:22} {words:5d}  {path}{suffix}")

    # --- issue 3: a dissertation, a group presentation and a reflective journal ------------
    print()
    print("Intended figures of the issue 3 assessments (body words as above):")
    for line in write_issue3(roster):
        print(line)


if __name__ == "__main__":
    sys.exit(main())
