"""Computational Thinking Practices (Institute for Classroom Practice): data, algorithms, models and systems across subjects."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import CS_FRAMEWORK, INTASC, Spec

COMPUTATIONAL_THINKING: list[Spec] = [
    {
        "title": "Collecting and Structuring Data",
        "summary": "Have students plan how to collect data to answer a question and organise it in a structure (a table, a spreadsheet, a data set) a computer can work with.",
        "competency": "The educator guides students to pose a question that data can answer, decide what to measure and how to record it, and structure the data consistently so that it can be sorted, filtered and analysed with a tool.",
        "key_method": "Start with a question from the students' subject work; decide the variables and units together; design the table before collecting; collect with a shared protocol; clean the data (missing values, inconsistent entries) as a class before any analysis.",
        "research": "Students' understanding of data grows when they design their own data collection and confront its messiness; data practices are one of the core strands of computational thinking in mathematics and science.",
        "subject": "Computer science",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#37474f",
        "citations": [
            (
                "Weintrop, D. et al. (2016). Defining computational thinking for mathematics and science classrooms. Journal of Science Education and Technology 25(1), 127–147.",
                "",
            ),
            (
                "Lehrer, R., & Schauble, L. (2004). Modeling natural variation through distribution. American Educational Research Journal 41(3), 635–679.",
                "",
            ),
        ],
        "alignments": [
            (CS_FRAMEWORK, "Practice 3", "Recognizing and Defining Computational Problems", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "Designing and cleaning the data",
            "instructions": "Record 5–10 minutes covering the class deciding how to record the data and, later, finding and fixing problems in the data they collected.",
            "levels": [
                "Students fill in a table the teacher designed, with no discussion of why it is structured that way.",
                "Students discuss what to record, but the structure is left inconsistent (mixed units, free-text entries).",
                "Students agree variables, units and a table structure before collecting, and later find and fix inconsistencies together.",
                "As for Meets, and students explain how a structural choice will make a later analysis possible or impossible.",
            ],
        },
        "artifact": {
            "title": "The data set and its documentation",
            "instructions": "Upload the class data set (anonymised), a short data dictionary the students wrote (each variable, its unit and how it was measured), and a note on the cleaning decisions.",
            "levels": [
                "No data set, or data with no documentation.",
                "A data set with headings but no units or collection method.",
                "A consistent data set with a student-written data dictionary and documented cleaning decisions.",
                "As for Meets, and the documentation records the limitations of the data and how they affect the question.",
            ],
        },
        "reflection": {
            "prompts": [
                "What problems did students find in their own data, and how did they decide what to do about them?",
                "How did designing the structure first change the quality of the data?",
                "Where else in your subject could students collect and structure their own data?",
            ],
            "levels": [
                "The reflection describes the activity only.",
                "The reflection mentions problems in the data without discussing students' decisions.",
                "The reflection analyses students' decisions about structure and cleaning with examples and names a next application.",
                "As for Meets, and it considers what students still misunderstand about data and plans to address it.",
            ],
        },
    },
    {
        "title": "Analyzing and Communicating with Data",
        "summary": "Teach students to find patterns in data with a digital tool, and to make and defend claims with charts that suit their audience.",
        "competency": "The educator guides students to analyse a data set with a digital tool, choose a representation that reveals a pattern, state a claim the data supports, and communicate its limits honestly.",
        "key_method": "Give students a question and a data set; have them try at least two representations and choose one with reasons; write a claim with evidence and a caveat; present to peers who critique whether the chart supports the claim.",
        "research": "Statistical reasoning develops through cycles of posing questions, analysing data and interpreting results in context; students need explicit teaching about variability and the limits of conclusions.",
        "subject": "Computer science",
        "grades": ["6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#455a64",
        "citations": [
            (
                "Franklin, C. et al. (2007). Guidelines for Assessment and Instruction in Statistics Education (GAISE) Report: A Pre-K–12 Curriculum Framework. American Statistical Association.",
                "",
            ),
            (
                "Weintrop, D. et al. (2016). Defining computational thinking for mathematics and science classrooms. Journal of Science Education and Technology 25(1), 127–147.",
                "",
            ),
        ],
        "alignments": [
            (CS_FRAMEWORK, "Practice 7", "Communicating About Computing", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "Analysis and critique",
            "instructions": "Record 5–10 minutes showing students analysing the data with a tool and presenting a claim to peers who respond.",
            "levels": [
                "Students make a chart the teacher specified, with no claim or discussion.",
                "Students make a claim, but the chart does not support it or limits are ignored.",
                "Students choose a representation with reasons, state a claim supported by it, mention a limit, and peers question the claim.",
                "As for Meets, and a student revises a claim or a chart in response to peer critique.",
            ],
        },
        "artifact": {
            "title": "Student data stories",
            "instructions": "Upload two student (or group) data stories: the chart, the claim, the evidence and the stated limitation, with your feedback on each. Remove names.",
            "levels": [
                "No student work.",
                "Charts without claims or feedback.",
                "Each story has a suitable chart, a claim, evidence and a limitation, with teacher feedback on the reasoning.",
                "As for Meets, and a revised version shows the student acting on the feedback.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which representation choice was most revealing, and why did the student make it?",
                "Where did students overclaim from the data, and how did you respond?",
                "How will students use these skills in another subject?",
            ],
            "levels": [
                "The reflection describes the charts.",
                "The reflection mentions students' claims without evaluating the reasoning.",
                "The reflection evaluates students' reasoning from data with examples, including overclaiming, and names a teaching response.",
                "As for Meets, and it plans how to teach variability or sampling explicitly next.",
            ],
        },
    },
    {
        "title": "Creating Algorithms",
        "summary": "Teach students to design, test and refine step-by-step procedures, first in plain language and then in code or another precise form.",
        "competency": "The educator guides students to break a problem into steps, express an algorithm precisely (in pseudocode, flowcharts or a programming language), trace and test it with different inputs, and debug it systematically.",
        "key_method": "Begin unplugged with an everyday procedure; have students write steps for a peer to follow literally; move to a precise notation; require tracing with test cases, including edge cases; teach a debugging routine (predict, run, compare, change one thing).",
        "research": "Algorithmic thinking and debugging are central to computational thinking; unplugged activities followed by programming help novices develop accurate models of how procedures execute.",
        "subject": "Computer science",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "12",
        "pd": "15",
        "color": "#263238",
        "citations": [
            ("Wing, J. M. (2006). Computational thinking. Communications of the ACM 49(3), 33–35.", ""),
            (
                "Grover, S., & Pea, R. (2013). Computational thinking in K–12: A review of the state of the field. Educational Researcher 42(1), 38–43.",
                "",
            ),
        ],
        "alignments": [
            (CS_FRAMEWORK, "Practice 6", "Testing and Refining Computational Artifacts", ""),
            (CS_FRAMEWORK, "Practice 4", "Developing and Using Abstractions", ""),
        ],
        "video": {
            "title": "Designing and debugging",
            "instructions": "Record 5–10 minutes of students writing or testing an algorithm, including at least one moment of debugging.",
            "levels": [
                "Students copy a given procedure or code without designing or testing it.",
                "Students write an algorithm, but test it only with one input or fix errors by trial and error.",
                "Students decompose the problem, write precise steps, trace them with several test cases and debug by predicting and comparing.",
                "As for Meets, and students generalise the algorithm (a loop, a variable, a procedure) and explain why it is better.",
            ],
        },
        "artifact": {
            "title": "Algorithm, tests and debugging log",
            "instructions": "Upload two students' algorithms (anonymised) with their test cases and a short debugging log, and your feedback.",
            "levels": [
                "Algorithms without tests.",
                "Tests are included but only for the expected case.",
                "Algorithms are precise, tests include edge cases, and the debugging log records predictions and changes.",
                "As for Meets, and a revised algorithm is more general or efficient than the first, with the change explained.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did students find hardest about being precise, and how did you help?",
                "How did the debugging routine change how students responded to errors?",
                "How will you move students from this algorithm toward more general solutions?",
            ],
            "levels": [
                "The reflection is about the tool or the activity.",
                "The reflection describes difficulties without evidence.",
                "The reflection uses student work to describe difficulties with precision and debugging, and names a teaching response.",
                "As for Meets, and it considers how to keep every student, not only confident coders, reasoning about the algorithm.",
            ],
        },
    },
    {
        "title": "Creating Computational Models",
        "summary": "Have students build and use simple computer models or simulations to explore how a phenomenon works and test predictions.",
        "competency": "The educator guides students to build or modify a computational model of a phenomenon in their subject, run it to test predictions, compare results with real data, and explain what the model leaves out.",
        "key_method": "Choose a phenomenon students have observed; identify agents, rules and variables together; build or adjust a model in a block-based or agent-based environment; run experiments by changing one variable; compare with data and list the model's simplifications.",
        "research": "Building and testing computational models helps students understand complex phenomena, especially emergent behaviour that arises from simple rules; comparing models with data develops scientific reasoning.",
        "subject": "Computer science",
        "grades": ["6_8", "9_12"],
        "effort": "16",
        "pd": "20",
        "color": "#1b5e20",
        "citations": [
            (
                "Wilensky, U., & Reisman, K. (2006). Thinking like a wolf, a sheep, or a firefly: Learning biology through constructing and testing computational theories. Cognition and Instruction 24(2), 171–209.",
                "",
            ),
            (
                "NGSS Lead States (2013). Next Generation Science Standards: For States, By States. National Academies Press.",
                "",
            ),
        ],
        "alignments": [
            (CS_FRAMEWORK, "Practice 5", "Creating Computational Artifacts", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "Modelling and testing",
            "instructions": "Record 5–10 minutes of students building, running or modifying a model, including a moment where they compare its output with a prediction or real data.",
            "levels": [
                "Students watch a simulation without changing it or making predictions.",
                "Students change settings in a model but do not make or test predictions.",
                "Students identify the model's rules, change one variable at a time to test a prediction, and compare the result with data.",
                "As for Meets, and students change a rule in the model to make it fit data better and explain the change.",
            ],
        },
        "artifact": {
            "title": "Model and experiment record",
            "instructions": "Upload the model (a link or screenshots with its rules), a student experiment record (prediction, runs, results) and a student list of the model's limitations.",
            "levels": [
                "No model or experiment record.",
                "A model with results but no prediction or limitations.",
                "Rules are stated, the experiment record shows predictions tested one variable at a time, and limitations are listed.",
                "As for Meets, and the limitations are connected to how they would change the model's predictions.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did students understand about the phenomenon through the model that they did not before?",
                "How did students respond when the model disagreed with the data?",
                "What misconceptions about models (for example, that they are always right) did you see?",
            ],
            "levels": [
                "The reflection describes the software.",
                "The reflection says students enjoyed or understood the model, without evidence.",
                "The reflection uses student work to show what the model taught about the phenomenon and addresses a misconception about models.",
                "As for Meets, and it plans how students will design a model of their own next.",
            ],
        },
    },
    {
        "title": "Understanding Systems",
        "summary": "Help students see a phenomenon as a system of parts, interactions and feedback, and reason about how changing one part affects the whole.",
        "competency": "The educator teaches students to identify a system's components, interactions, inputs, outputs and feedback loops, represent them in a diagram, and predict the effects of a change, including unintended ones.",
        "key_method": "Pick a system students know (a school lunch line, an ecosystem, a city's traffic); map parts and connections; mark feedback loops; ask “what happens if…?” questions; test a prediction with a model, data or a role-play.",
        "research": "Learners tend to focus on visible parts of a system and miss interactions and feedback; explicit representation of mechanisms and behaviours helps them reason about complex systems.",
        "subject": "Computer science",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#33691e",
        "citations": [
            (
                "Hmelo-Silver, C. E., & Azevedo, R. (2006). Understanding complex systems: Some core challenges. Journal of the Learning Sciences 15(1), 53–61.",
                "",
            ),
            ("Meadows, D. H. (2008). Thinking in Systems: A Primer. Chelsea Green.", ""),
        ],
        "alignments": [
            (CS_FRAMEWORK, "Practice 4", "Developing and Using Abstractions", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "Mapping and predicting",
            "instructions": "Record 5–10 minutes of students mapping a system or using their map to predict the effect of a change.",
            "levels": [
                "Students list parts of a system with no interactions.",
                "Students draw connections but cannot explain them or predict effects of change.",
                "Students map parts, interactions and at least one feedback loop, and use the map to predict a change's effect with reasons.",
                "As for Meets, and students identify an unintended consequence and test their prediction.",
            ],
        },
        "artifact": {
            "title": "System maps",
            "instructions": "Upload two student system maps (anonymised) from the beginning and end of the unit, with your comments on what changed in their thinking.",
            "levels": [
                "A single map without comment.",
                "Two maps with comments on appearance only.",
                "Two maps showing growth in interactions and feedback, with comments on the student's reasoning.",
                "As for Meets, and the later map is used to explain a real event or data.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did students miss about the system at first, and what helped them see it?",
                "Where did a student reason well about feedback? Give an example.",
                "How could systems thinking help your students in other subjects?",
            ],
            "levels": [
                "The reflection describes the activity.",
                "The reflection mentions students' growth without examples.",
                "The reflection compares early and late maps with specific examples and names what helped.",
                "As for Meets, and it plans how systems language will be used across the year.",
            ],
        },
    },
]
