"""Performance Assessment Design (Teaching Forward): rubrics, tasks and checking that they measure what they claim."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

# These are scored on a design the educator made and tried with students.
DESIGN_REFLECTION = (
    "Write about how the assessment you designed worked with students and colleagues, and what you will change."
)

PERFORMANCE_ASSESSMENT: list[Spec] = [
    {
        "title": "Competency-Based Rubric Design",
        "summary": "Write an analytic rubric for a competency, with criteria that matter and level descriptors that describe quality, not quantity.",
        "competency": "The educator designs a rubric for a competency whose criteria capture the essential dimensions of quality, whose levels are distinct and observable, and which students and colleagues can apply consistently.",
        "key_method": "Start from the competency and real student work; sort the work to find what distinguishes stronger from weaker; name three to five criteria; describe each level in terms of what the work does (not “some” or “many”); test the rubric on samples with a colleague and revise.",
        "research": "Rubrics support learning and reliable scoring when criteria are explicit and levels are described qualitatively; they work best when shared with students and checked for agreement between raters.",
        "subject": "Assessment",
        "grades": ["6_8", "9_12", "adult"],
        "effort": "12",
        "pd": "15",
        "color": "#4e342e",
        "citations": [
            (
                "Brookhart, S. M. (2013). How to Create and Use Rubrics for Formative Assessment and Grading. ASCD.",
                "",
            ),
            (
                "Jonsson, A., & Svingby, G. (2007). The use of scoring rubrics: Reliability, validity and educational consequences. Educational Research Review 2(2), 130–144.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1f", "Designing Student Assessments", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "Introducing the rubric to students",
            "instructions": "Record 5–10 minutes in which students use your rubric for the first time, for example scoring an anonymous example and explaining their score.",
            "levels": [
                "The rubric is handed out or read aloud without students applying it.",
                "Students apply the rubric, but confusion about the criteria goes unaddressed.",
                "Students apply the rubric to an example, explain scores by pointing to features of the work, and the teacher clarifies ambiguous descriptors.",
                "As for Meets, and students' questions lead to a visible improvement in a descriptor.",
            ],
        },
        "artifact": {
            "title": "The rubric and its test",
            "instructions": "Upload the rubric, the student work samples you used to develop it (anonymised), scores from you and a colleague on at least five samples, and your revisions.",
            "levels": [
                "A rubric only, or a holistic checklist.",
                "Criteria are present but levels count quantities (“few errors”, “some details”) or overlap.",
                "Criteria capture quality, levels are distinct and observable, and scores from two raters are compared with revisions where they disagreed.",
                "As for Meets, and agreement improves on a second set of samples after revision.",
            ],
        },
        "reflection": {
            "instructions": DESIGN_REFLECTION,
            "prompts": [
                "Which criterion was hardest to describe in observable terms, and how did you solve it?",
                "Where did you and your colleague disagree, and what did that show about the rubric?",
                "How did students' use of the rubric change their work?",
            ],
            "levels": [
                "The reflection describes the rubric.",
                "The reflection mentions disagreements without analysing them.",
                "The reflection analyses disagreements and student use, and links them to specific revisions.",
                "As for Meets, and it plans how the rubric will be reviewed after a full round of use.",
            ],
        },
    },
    {
        "title": "Performance Assessment Design",
        "summary": "Design a task in which students apply knowledge and skills to a realistic problem and produce work that shows the competency.",
        "competency": "The educator designs a performance assessment that elicits the targeted competency in a realistic context, gives clear directions and conditions, allows for different approaches, and is scored with a matched rubric.",
        "key_method": "Define the competency and what evidence would show it; write a scenario with a purpose, audience and product; specify conditions (time, resources, collaboration); anticipate how students might approach it; pilot with a few students and revise.",
        "research": "Well-designed performance assessments measure complex skills that selected-response tests miss, and can improve teaching when they are aligned with curriculum and scored reliably.",
        "subject": "Assessment",
        "grades": ["6_8", "9_12"],
        "effort": "16",
        "pd": "20",
        "color": "#5d4037",
        "citations": [
            (
                "Darling-Hammond, L., & Adamson, F. (2014). Beyond the Bubble Test: How Performance Assessments Support 21st Century Learning. Jossey-Bass.",
                "",
            ),
            (
                "Wiggins, G. (1998). Educative Assessment: Designing Assessments to Inform and Improve Student Performance. Jossey-Bass.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1f", "Designing Student Assessments", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "Students working on the task",
            "instructions": "Record 5–10 minutes of students working on the performance assessment, showing the range of approaches they take.",
            "levels": [
                "Students complete a worksheet or test, not a performance.",
                "Students work on a task, but it can be completed by recalling facts or following steps.",
                "Students apply knowledge to the scenario, take different approaches, and produce work that can be judged against the competency.",
                "As for Meets, and students make and justify decisions the task leaves open.",
            ],
        },
        "artifact": {
            "title": "Task, rubric and pilot notes",
            "instructions": "Upload the task (scenario, directions, conditions), its rubric, notes from piloting it with a few students, and the changes you made.",
            "levels": [
                "A task description only.",
                "A task and rubric that are not clearly matched, or no pilot.",
                "The task elicits the competency, the rubric matches it, and the pilot notes lead to specific revisions.",
                "As for Meets, and the task includes options that let students with different strengths show the same competency.",
            ],
        },
        "reflection": {
            "instructions": DESIGN_REFLECTION,
            "prompts": [
                "What does student work on this task show that a test would not?",
                "What did the pilot reveal about the directions or conditions?",
                "Which students found the task inaccessible, and how will you address that without lowering the bar?",
            ],
            "levels": [
                "The reflection describes the task.",
                "The reflection discusses the pilot without linking it to revisions.",
                "The reflection uses student work and the pilot to justify revisions and addresses access.",
                "As for Meets, and it plans how the task will be validated with colleagues.",
            ],
        },
    },
    {
        "title": "Performance Assessment Validation",
        "summary": "Check with colleagues that a performance assessment measures what it claims, is fair to all students, and is scored consistently.",
        "competency": "The educator leads a structured validation of a performance assessment with colleagues: reviewing alignment to the competency, checking for bias and accessibility, calibrating scores on student work, and revising the task and rubric from the findings.",
        "key_method": "Use a validation protocol: colleagues review the task against the competency and a bias checklist; the group scores anonymised work independently; compare scores and discuss disagreements; record decisions and revise.",
        "research": "Validity concerns the interpretations and uses of scores, supported by evidence about content, response processes and consequences; reliable scoring requires calibration.",
        "subject": "Assessment",
        "grades": ["6_8", "9_12", "adult"],
        "effort": "14",
        "pd": "18",
        "color": "#3e2723",
        "citations": [
            (
                "Kane, M. T. (2013). Validating the interpretations and uses of test scores. Journal of Educational Measurement 50(1), 1–73.",
                "",
            ),
            (
                "American Educational Research Association, American Psychological Association, & National Council on Measurement in Education (2014). Standards for Educational and Psychological Testing. AERA.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "4d", "Participating in the Professional Community", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "The validation session",
            "instructions": "Record 5–10 minutes of the validation session with colleagues (with their consent), including the scoring discussion.",
            "levels": [
                "Colleagues comment informally on the task without a protocol.",
                "A protocol is used, but scoring is done together, so independent judgements are not compared.",
                "Colleagues review alignment and bias with a protocol, score independently, and discuss disagreements with reference to the work.",
                "As for Meets, and the group reaches decisions about revisions and records them during the session.",
            ],
        },
        "artifact": {
            "title": "Validation record",
            "instructions": "Upload the protocol, the completed bias and alignment review, the independent scores and agreement rate, and the revised task and rubric.",
            "levels": [
                "No record.",
                "A record of comments without scores or decisions.",
                "Alignment and bias reviews, independent scores with agreement, and revisions linked to findings are all documented.",
                "As for Meets, and a second round of scoring after revision shows improved agreement.",
            ],
        },
        "reflection": {
            "instructions": DESIGN_REFLECTION,
            "prompts": [
                "What did the bias review reveal that you had not seen?",
                "Where was agreement lowest, and what did that tell you about the rubric?",
                "How would you decide whether this assessment is ready to be used for a high-stakes decision?",
            ],
            "levels": [
                "The reflection describes the meeting.",
                "The reflection lists findings without discussing their implications.",
                "The reflection interprets bias and agreement findings and connects them to revisions and to appropriate uses of the scores.",
                "As for Meets, and it sets conditions for re-validation over time.",
            ],
        },
    },
]
