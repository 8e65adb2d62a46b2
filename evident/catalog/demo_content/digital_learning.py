"""Technology and the Four Cs (Teaching Forward): collaboration, creativity, critical thinking and communication in digital learning."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import ISTE, Spec

DIGITAL_LEARNING: list[Spec] = [
    {
        "title": "Collaboration to Support Student Learning in a Digital Learning Environment",
        "summary": "Design online or blended group work in which every student's contribution is needed and visible, and teach students to collaborate well with digital tools.",
        "competency": "The educator designs collaborative tasks in a digital environment with positive interdependence and individual accountability, teaches collaboration norms, and monitors and supports group work using the tool's features.",
        "key_method": "Give each member a role or a piece of information the group needs; use a shared document or board with visible contributions (version history, named comments); set norms for online discussion; monitor groups' work live and intervene where contribution is uneven.",
        "research": "Cooperative learning is effective when groups depend on each member and each is individually accountable; digital tools can make contributions visible but do not create collaboration on their own.",
        "subject": "Educational technology",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#7b1fa2",
        "citations": [
            (
                "Johnson, D. W., & Johnson, R. T. (2009). An educational psychology success story: Social interdependence theory and cooperative learning. Educational Researcher 38(5), 365–379.",
                "",
            ),
            ("International Society for Technology in Education (2017). ISTE Standards for Educators. ISTE.", ""),
        ],
        "alignments": [(ISTE, "2.4", "Collaborator", ""), (ISTE, "2.6", "Facilitator", "")],
        "video": {
            "title": "Groups collaborating online",
            "instructions": "Record 5–10 minutes of groups working in the digital environment (a screen recording plus room audio is fine), including a moment where you support one group.",
            "levels": [
                "Students work individually in a shared space, or one student does the work.",
                "Students contribute to a shared product, but the task could be done alone.",
                "The task requires every member's contribution; contributions are visible in the tool; the teacher uses that visibility to support a group.",
                "As for Meets, and students use the norms to resolve a disagreement or redistribute work themselves.",
            ],
        },
        "artifact": {
            "title": "Task design and contribution evidence",
            "instructions": "Upload the task with roles or information pieces, the collaboration norms, and evidence of individual contributions from one group (version history or comments; anonymised).",
            "levels": [
                "A task only.",
                "A task without roles or accountability, or no contribution evidence.",
                "The task has interdependence and accountability, norms are explicit, and evidence shows every member's contribution.",
                "As for Meets, and students' self- or peer-assessment of collaboration is included.",
            ],
        },
        "reflection": {
            "prompts": [
                "What made every member necessary to the task, and did it work?",
                "How did the tool help or hinder collaboration?",
                "Which group struggled, and what will you change for them?",
            ],
            "levels": [
                "The reflection describes the tool.",
                "The reflection says collaboration went well without evidence.",
                "The reflection uses contribution evidence to judge interdependence and the tool's role, and plans for a struggling group.",
                "As for Meets, and it plans how to teach collaboration skills explicitly.",
            ],
        },
    },
    {
        "title": "Creativity to Support Student Learning in a Digital Learning Environment",
        "summary": "Use digital tools for students to generate original ideas and products that show learning, with time to explore, share and revise.",
        "competency": "The educator designs tasks in which students use digital tools to generate, develop and refine original ideas or products tied to learning goals, and gives feedback on both creativity and content.",
        "key_method": "Set an open challenge connected to content; allow time to explore tools and ideas; require several ideas before choosing one; share work in progress for peer feedback; assess originality and content learning with separate criteria.",
        "research": "Creativity includes everyday, personal insight (mini-c) that can be developed in classrooms; project-based, playful use of technology supports it when paired with iteration and feedback.",
        "subject": "Educational technology",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#8e24aa",
        "citations": [
            (
                "Beghetto, R. A., & Kaufman, J. C. (2007). Toward a broader conception of creativity: A case for “mini-c” creativity. Psychology of Aesthetics, Creativity, and the Arts 1(2), 73–79.",
                "",
            ),
            (
                "Resnick, M. (2017). Lifelong Kindergarten: Cultivating Creativity through Projects, Passion, Peers, and Play. MIT Press.",
                "",
            ),
        ],
        "alignments": [(ISTE, "2.5", "Designer", ""), (ISTE, "2.6", "Facilitator", "")],
        "video": {
            "title": "Creating and sharing",
            "instructions": "Record 5–10 minutes showing students developing ideas with a digital tool and sharing work in progress for feedback.",
            "levels": [
                "Students follow step-by-step instructions to produce identical products.",
                "Students make choices about appearance, but the content is fixed.",
                "Students generate several ideas, develop one with the tool, and receive peer feedback on work in progress.",
                "As for Meets, and students revise in response to feedback and explain how the revision improves their idea.",
            ],
        },
        "artifact": {
            "title": "Challenge, criteria and products",
            "instructions": "Upload the challenge, the criteria for creativity and for content, and two student products with drafts (anonymised).",
            "levels": [
                "Products only.",
                "Criteria assess only presentation or only content.",
                "Separate criteria for creativity and content are used, and drafts show development.",
                "As for Meets, and the products differ substantially in approach while meeting the content criteria.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did you make room for original ideas while keeping the learning goal in view?",
                "What did the drafts show about students' creative process?",
                "Which students held back, and why?",
            ],
            "levels": [
                "The reflection describes the products.",
                "The reflection praises creativity without evidence.",
                "The reflection uses drafts and criteria to analyse creative process and content learning, and considers students who held back.",
                "As for Meets, and it plans how to build creative risk-taking into routine lessons.",
            ],
        },
    },
    {
        "title": "Critical Thinking to Support Student Learning in a Digital Learning Environment",
        "summary": "Teach students to evaluate online information, weigh evidence and reason about claims they meet on the web.",
        "competency": "The educator explicitly teaches strategies for evaluating digital sources and claims (lateral reading, checking evidence, recognising bias), has students apply them to real content, and assesses their reasoning.",
        "key_method": "Model lateral reading (leaving a site to see what others say about it); give students real sources of varying quality; have them investigate who is behind a claim and what evidence supports it; discuss how they decided; assess with a new set of sources.",
        "research": "Students struggle to evaluate online sources; explicit instruction in strategies used by professional fact-checkers, such as lateral reading, improves their judgements; critical thinking instruction works best when explicit and applied to content.",
        "subject": "Educational technology",
        "grades": ["6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#6a1b9a",
        "citations": [
            (
                "McGrew, S., Breakstone, J., Ortega, T., Smith, M., & Wineburg, S. (2018). Can students evaluate online sources? Learning from assessments of civic online reasoning. Theory & Research in Social Education 46(2), 165–193.",
                "",
            ),
            (
                "Abrami, P. C. et al. (2015). Strategies for teaching students to think critically: A meta-analysis. Review of Educational Research 85(2), 275–314.",
                "",
            ),
        ],
        "alignments": [(ISTE, "2.3", "Citizen", ""), (ISTE, "2.6", "Facilitator", "")],
        "video": {
            "title": "Evaluating sources",
            "instructions": "Record 5–10 minutes of you modelling a strategy and students applying it to real online sources.",
            "levels": [
                "Students are told which sources are reliable, or use a checklist about a site's appearance.",
                "A strategy is taught, but students apply it only to the teacher's example.",
                "The teacher models lateral reading, students apply it to new sources, and they explain how they judged reliability.",
                "As for Meets, and students change their initial judgement of a source based on what they found.",
            ],
        },
        "artifact": {
            "title": "Sources, task and assessments",
            "instructions": "Upload the sources you used, the task, and two students' evaluations of a new set of sources with your feedback (anonymised).",
            "levels": [
                "Sources only.",
                "Student evaluations rely on surface features (design, .org domains).",
                "Evaluations show students investigating who is behind the source and checking evidence, with feedback on their reasoning.",
                "As for Meets, and evaluations compare several sources on the same claim.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did students rely on before the lesson to judge sources, and what changed?",
                "Where did students' reasoning still fall short?",
                "How will you make this routine in your subject?",
            ],
            "levels": [
                "The reflection describes the lesson.",
                "The reflection reports improvement without evidence.",
                "The reflection compares before and after reasoning with examples and names remaining weaknesses.",
                "As for Meets, and it plans how students will apply the strategy in unrelated assignments.",
            ],
        },
    },
    {
        "title": "Communications to Support Student Learning in a Digital Learning Environment",
        "summary": "Teach students to communicate ideas clearly for a chosen audience and purpose using digital media, combining words, images and sound well.",
        "competency": "The educator teaches students to choose digital formats suited to audience and purpose, design messages that combine media effectively, and revise based on audience feedback.",
        "key_method": "Define audience and purpose first; analyse strong examples of the format; teach a few design principles (for example, pairing narration with visuals, removing extraneous material); draft, test with a real or peer audience, and revise.",
        "research": "People learn better from words and pictures combined thoughtfully than from words alone; principles such as coherence and signalling guide effective multimedia design.",
        "subject": "Educational technology",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#4a148c",
        "citations": [
            ("Mayer, R. E. (2009). Multimedia Learning (2nd ed.). Cambridge University Press.", ""),
            ("International Society for Technology in Education (2016). ISTE Standards for Students. ISTE.", ""),
        ],
        "alignments": [(ISTE, "2.5", "Designer", ""), (ISTE, "2.7", "Analyst", "")],
        "video": {
            "title": "Designing for an audience",
            "instructions": "Record 5–10 minutes of students analysing examples, designing their product, or testing it with an audience.",
            "levels": [
                "Students make a slideshow of copied text with no audience in mind.",
                "An audience is named, but design decisions are not connected to it.",
                "Students choose a format and design choices for their audience and purpose, and test their draft with that audience.",
                "As for Meets, and students explain a design principle they applied and how audience feedback changed their product.",
            ],
        },
        "artifact": {
            "title": "Products and revisions",
            "instructions": "Upload two students' drafts and final products (anonymised), the audience feedback, and your criteria.",
            "levels": [
                "Final products only.",
                "Drafts and finals without audience feedback.",
                "Drafts, audience feedback and finals show revision for clarity and audience, judged against stated criteria.",
                "As for Meets, and students' own evaluation of the effectiveness of their product is included.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did naming an audience change students' choices?",
                "Which design principle made the biggest difference to clarity?",
                "What will you teach next about communicating with media?",
            ],
            "levels": [
                "The reflection describes the products.",
                "The reflection says students communicated well without evidence.",
                "The reflection uses drafts and feedback to evaluate communication and names what to teach next.",
                "As for Meets, and it considers how different media suit different students' strengths.",
            ],
        },
    },
]
