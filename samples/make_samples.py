#!/usr/bin/env python3
"""Regenerates the sample submissions under samples/course/ deterministically.

Run from anywhere:  python3 samples/make_samples.py

Writes, for the two written assessments of the sample course:
  assessments/hs-process-evaluation/submissions/<candidate_id>/<file>.docx (and one essay.md)
  assessments/hit-briefing-paper/submissions/moodle-download.zip  (a Moodle "Download all
      submissions" archive holding one DOCX per candidate)

Only the standard library is used. Every zip entry has the fixed timestamp 2000-01-01 00:00,
entries are written in a fixed order and compressed with ZIP_DEFLATED, and all text comes
from the banks below through random.Random seeded with fixed strings, so two runs give
byte-identical files.

For every document the script prints its intended *body* word count: the words of the
headings, paragraphs and list items of the body, leaving out the title, tables, captions,
footnotes, headers, footers and the reference list (the References heading included). A
word is a whitespace-separated token holding at least one letter or digit.
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


if __name__ == "__main__":
    sys.exit(main())
