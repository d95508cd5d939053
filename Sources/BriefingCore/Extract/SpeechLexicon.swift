// SpeechLexicon: the closed word lists attribution relies on — verbs of speaking and writing,
// titles that are not part of a name, pronouns, auxiliaries and adverbs that may stand between a
// speaker and the verb, nouns of documents that can "speak", and words that end a noun phrase.

/// Word lists for quotation attribution (all lower case, straight apostrophes).
enum SpeechLexicon {
    /// Inflected forms of verbs that introduce or attribute a quotation.
    static let speechVerbs: WordSet = {
        let stems = [
            "say says said saying", "tell tells told telling", "add adds added adding",
            "state states stated", "note notes noted noting", "explain explains explained explaining",
            "write writes wrote writing", "ask asks asked asking", "argue argues argued arguing",
            "claim claims claimed claiming", "declare declares declared declaring",
            "insist insists insisted insisting", "continue continues continued", "reply replies replied",
            "respond responds responded", "remark remarks remarked", "recall recalls recalled recalling",
            "warn warns warned warning", "urge urges urged urging", "acknowledge acknowledges acknowledged",
            "admit admits admitted admitting", "announce announces announced announcing",
            "emphasize emphasizes emphasized emphasise emphasises emphasised emphasizing",
            "stress stresses stressed stressing", "tweet tweets tweeted tweeting", "post posts posted",
            "quip quips quipped", "joke jokes joked", "concede concedes conceded", "conclude concludes concluded",
            "predict predicts predicted", "suggest suggests suggested", "observe observes observed",
            "complain complains complained", "counter counters countered", "caution cautions cautioned",
            "vow vows vowed", "promise promises promised", "boast boasts boasted", "describe describes described",
            "call calls called calling", "accuse accuses accused accusing", "brand brands branded",
            "read reads", "testify testifies testified", "exclaim exclaims exclaimed", "yell yells yelled",
            "shout shouts shouted", "scream screams screamed", "muse muses mused", "agree agrees agreed",
            "recount recounts recounted", "proclaim proclaims proclaimed", "lament laments lamented",
            "charge charges charged", "contend contends contended", "maintain maintains maintained",
            "assert asserts asserted", "confirm confirms confirmed", "deny denies denied", "reveal reveals revealed",
            "chant chants chanted", "pledge pledges pledged", "demand demands demanded", "hail hails hailed",
            "praise praises praised", "criticize criticizes criticized criticise criticised", "blast blasts blasted",
            "slam slams slammed", "mock mocks mocked", "advise advises advised", "reiterate reiterates reiterated",
            "highlight highlights highlighted", "stated", "thunder thundered", "retort retorts retorted",
            "whisper whispers whispered", "sigh sighs sighed", "laugh laughs laughed", "snap snaps snapped",
            "interject interjected", "wonder wonders wondered", "opine opines opined", "attack attacks attacked",
            "report reports reported", "ask asks asked",
        ]
        return WordSet(stems.flatMap { $0.split(separator: " ").map(String.init) })
    }()

    /// Verbs that attribute a quotation written right after it: "…," said X / "…," X added.
    static let attributionVerbs: WordSet = [
        "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "wrote", "writes", "continued",
        "continues", "replied", "replies", "explained", "explains", "noted", "notes", "recalled", "recalls",
        "warned", "warns", "argued", "argues", "insisted", "insists", "declared", "declares", "stated", "states",
        "tweeted", "tweets", "responded", "responds", "remarked", "quipped", "joked", "concluded", "observed",
        "countered", "conceded", "acknowledged", "admitted", "announced", "emphasized", "emphasised", "stressed",
        "exclaimed", "shouted", "yelled", "cautioned", "predicted", "reads", "read", "posted", "suggested",
        "urged", "vowed", "promised", "boasted", "claimed", "claims", "complained", "testified", "retorted",
        "mused", "agreed", "recounted", "proclaimed", "lamented", "maintained", "asserted", "contended",
        "reported", "reports",
        "confirmed", "reiterated", "whispered", "laughed", "sighed", "snapped", "interjected", "wondered",
        "agrees", "concedes", "admits", "recalls", "warns", "insists", "responds", "remarks", "quips", "jokes",
        "concludes", "observes", "counters", "acknowledges", "announces", "emphasizes", "stresses", "exclaims",
        "shouts", "yells", "cautions", "predicts", "posts", "suggests", "urges", "vows", "promises", "boasts",
        "complains", "testifies", "retorts", "muses", "recounts", "proclaims", "laments", "maintains", "asserts",
        "contends", "confirms", "reiterates", "whispers", "laughs", "sighs", "snaps", "wonders", "adding",
    ]

    /// Lower-case words that may stand inside a description before a name
    /// ("Democratic presidential nominee Hillary Clinton", "said 9/11 widow Terry Strada").
    static let descriptorWords: WordSet = titles.union([
        "presidential", "nominee", "candidate", "campaign", "manager", "press", "retired", "widow", "widower",
        "senior", "communications", "adviser", "advisor", "aide", "strategist", "majority", "minority", "party",
        "chairman", "spokesman", "spokeswoman", "director", "political", "economist", "professor", "author",
        "panel", "committee", "house", "senate", "vice", "running", "mate", "national", "state", "deputy",
        "policy", "security", "foreign", "affairs", "student", "activist", "lawyer", "pollster", "host",
        "anchor", "correspondent", "reporter", "editor", "columnist", "expert", "specialist", "researcher",
        "coordinator", "official", "officer", "lawmaker", "legislator", "businessman", "businesswoman",
        "billionaire", "developer", "veteran", "republican", "democratic", "conservative", "liberal",
        "progressive", "libertarian", "independent", "longtime", "top", "chief", "general", "attorney",
        "u.s.", "gop", "white", "his", "her", "their",
    ])

    /// Forms that are also plural nouns ("his remarks", "late-night tweets"): a verb only right after
    /// a name or a pronoun.
    static let nounLikeForms: WordSet = [
        "tweets", "remarks", "claims", "notes", "posts", "calls", "charges", "states", "promises", "vows", "jokes",
        "demands", "praises", "reads", "laughs", "cautions", "pledges", "sighs", "snaps", "yells", "shouts",
        "screams", "chants", "hails", "blasts", "slams", "mocks", "answers", "highlights", "comments", "reports",
        "records", "tweet", "post", "call", "charge", "claim", "note", "promise", "vow", "joke", "demand", "praise",
        "read", "laugh", "counter", "brand", "pledge", "sigh", "snap", "yell", "shout", "scream", "chant", "blast",
        "slam", "mock", "state", "remark", "caution", "answer", "reply", "stress", "highlight", "quip", "muse",
        "warning", "statement", "plan",
    ]

    /// Prepositions after which a capitalised word is an adjective or object ("of Republican claims").
    static let prepositionsBeforeNouns: WordSet = ["of", "for", "to", "with", "by", "from", "in", "on", "at", "about"]

    /// Verbs for documents that "speak": the strategy reads, the report says.
    static let documentNouns: WordSet = [
        "strategy", "paper", "report", "statement", "document", "article", "letter", "resolution", "memo",
        "communique", "communiqué", "declaration", "plan", "policy", "editorial", "ad", "advertisement",
        "release", "notice", "white paper", "law", "bill", "study", "survey", "post", "tweet", "email", "note",
    ]

    /// Titles, honorifics and ranks written before a name (never part of it).
    static let titles: WordSet = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
        "lord", "lady", "president", "vice", "sen", "sen.", "senator", "rep", "rep.", "representative",
        "congressman", "congresswoman", "gov", "gov.", "governor", "lt", "lt.", "gen", "gen.", "general", "col", "col.",
        "colonel", "maj", "maj.", "major", "capt", "capt.", "captain", "sgt", "sgt.", "adm", "adm.", "admiral", "judge", "justice",
        "chief", "secretary", "mayor", "chancellor", "minister", "premier", "king", "queen", "prince",
        "princess", "pope", "sheikh", "spokesperson", "spokesman", "spokeswoman", "director", "chairman",
        "chairwoman", "chair", "ambassador", "commissioner", "councillor", "councilman", "councilwoman",
        "attorney", "speaker", "leader", "deputy", "prosecutor", "sheriff", "detective", "officer", "coach",
        "rev", "rev.", "reverend", "father", "bishop", "cardinal", "rabbi", "imam", "hon", "hon.", "honorable",
        "state", "foreign", "prime", "first", "former", "acting", "candidate", "nominee", "founder", "ceo",
        "executive", "analyst", "economist", "pastor", "sister", "brother", "dean", "principal", "superintendent",
        "treasurer", "comptroller", "auditor", "delegate", "assemblyman", "assemblywoman", "ald", "atty", "atty.",
        "supt", "supt.", "cmdr", "cmdr.", "pres", "pres.", "gov't", "mp", "mep", "mr", "dept", "head",
        "del", "del.", "amb", "amb.", "msgr", "msgr.", "assemblyman", "ald.", "widow", "widower",
    ]

    /// Pronouns that can be a speaker.
    static let pronouns: WordSet = ["he", "she", "they", "we", "i", "it"]

    /// Words that may stand between the speaker and the verb ("X has also said").
    static let betweenWords: WordSet = [
        "has", "have", "had", "would", "will", "was", "is", "also", "later", "then", "recently", "previously",
        "once", "again", "further", "repeatedly", "often", "simply", "quickly", "flatly", "publicly", "privately",
        "famously", "reportedly", "frankly", "bluntly", "still", "even", "just", "never", "earlier", "last",
        "first", "initially", "subsequently", "finally", "directly", "openly", "angrily", "sharply",
        "quietly", "loudly", "proudly", "firmly", "already", "did", "does", "do", "shall", "could", "might",
        "may", "can", "emphatically", "bitterly", "candidly", "cheerfully", "calmly", "tearfully", "jokingly",
    ]

    /// Words that end a noun phrase when reading backwards (clause starts and conjunctions).
    static let phraseBreakers: WordSet = [
        "that", "which", "who", "whom", "whose", "when", "while", "as", "because", "if", "after", "before",
        "but", "and", "or", "so", "than", "where", "though", "although", "since", "until", "unless",
        "to", "in", "on", "at", "with", "by", "from", "about", "into", "over", "under", "during", "what",
        "how", "why", "is", "was", "are", "were", "be", "been", "being", "not", "this", "these", "those",
    ]

    /// Words inside a name phrase that join capitalised words ("Chinese Academy of Social Sciences").
    static let nameJoiners: WordSet = [
        "of", "for", "and", "the", "de", "du", "da", "dos", "van", "von", "der", "den", "bin", "al", "le", "la", "del", "di", "&",
    ]

    /// Determiners that open a description ("the announcer", "a spokesman").
    static let determiners: WordSet = ["the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "some", "two", "three", "several", "many", "other"]

    /// Capitalised words that are not names (sentence starts, days, months, common openers).
    static let notNames: WordSet = [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "if", "when", "while", "as", "after", "before",
        "this", "that", "these", "those", "there", "here", "it", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "my", "your", "its", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "yes", "no", "mr.", "mrs.", "ms.", "dr.", "according", "asked", "still", "also",
        "however", "meanwhile", "now", "then", "today", "yesterday", "tomorrow", "last", "next", "for", "with",
        "by", "from", "to", "of", "what", "why", "how", "who", "where", "all", "both", "some", "many", "most", "one",
        "q", "a:", "not", "even", "just", "only", "every", "each", "if", "because", "although", "though", "despite",
        "during", "under", "over", "about", "into", "through", "among", "against", "between", "without", "within",
        "since", "until", "upon", "amid", "around", "across", "following", "like", "unlike", "via", "asked",
        "speaking", "writing", "addressing", "referring", "responding", "earlier", "later", "afterward", "asked,",
    ]

    /// Last words of place and thing names ("Kent County", "Bank of America Stadium", "Clean Power Plan").
    static let placeWords: WordSet = [
        "county", "city", "park", "street", "avenue", "square", "island", "islands", "river", "mountain", "valley",
        "beach", "act", "bill", "plan", "center", "centre", "stadium", "hall", "airport", "station", "bridge",
        "road", "lake", "sea", "ocean", "bay", "coast", "hills", "heights", "falls", "springs", "harbor",
        "district", "province", "region", "territory", "peninsula", "strait", "canal", "base", "hospital",
        "hotel", "tower", "building", "plaza", "mall", "market", "church", "cathedral", "temple", "palace",
        "court", "treaty", "accord", "agreement", "amendment", "program", "programme", "initiative", "summit",
        "conference", "convention", "day", "week", "war", "award", "prize", "cup", "games", "olympics",
        "street", "way", "boulevard", "drive", "lane", "route", "highway", "valley", "desert", "forest",
    ]

    /// Adjectives of nationality and kind that open a noun phrase, never a person's name.
    static let demonyms: WordSet = [
        "chinese", "european", "american", "british", "french", "german", "russian", "japanese", "korean",
        "indian", "african", "asian", "australian", "canadian", "mexican", "italian", "spanish", "dutch", "swiss",
        "israeli", "iranian", "iraqi", "syrian", "saudi", "arab", "palestinian", "turkish", "ukrainian", "polish",
        "brazilian", "democratic", "republican", "internet", "digital", "national", "federal", "international",
        "global", "western", "eastern", "northern", "southern", "central", "foreign", "muslim", "christian",
        "jewish", "islamic", "catholic", "black", "hispanic", "latino", "asian-american", "african-american",
        "belgian", "swedish", "finnish", "danish", "norwegian", "greek", "portuguese", "austrian", "irish",
        "scottish", "welsh", "english", "vietnamese", "thai", "pakistani", "afghan", "egyptian", "nigerian",
    ]

    /// Countries, states and regions often written as two words (never persons).
    static let placeNames: WordSet = [
        "north korea", "south korea", "new york", "new jersey", "new mexico", "new hampshire", "new zealand",
        "north carolina", "south carolina", "north dakota", "south dakota", "west virginia", "rhode island",
        "south asia", "east asia", "southeast asia", "central asia", "middle east", "latin america",
        "south africa", "north africa", "west africa", "east africa", "saudi arabia", "united states",
        "united kingdom", "hong kong", "sri lanka", "costa rica", "puerto rico", "el salvador", "south sudan",
        "great britain", "soviet union", "european union", "los angeles", "san francisco", "san diego",
        "las vegas", "new orleans", "salt lake", "st. louis", "washington d.c.", "white house", "wall street",
        "capitol hill", "silicon valley", "north america", "south america", "central america", "east coast",
        "west coast", "gulf coast", "new delhi", "tel aviv", "buenos aires", "rio de janeiro", "cape town",
        "abu dhabi", "kuala lumpur", "ho chi minh", "northern ireland", "czech republic", "dominican republic",
    ]

    /// Words marking an organisation rather than a person.
    static let organisationWords: WordSet = [
        "ministry", "association", "party", "committee", "university", "times", "news", "inc", "inc.", "department",
        "administration", "commission", "council", "service", "fund", "society", "academy", "agency", "union",
        "bank", "group", "house", "post", "journal", "institute", "center", "centre", "office", "court", "congress",
        "senate", "parliament", "government", "company", "corporation", "corp", "corp.", "foundation", "campaign",
        "network", "press", "media", "organization", "organisation", "board", "bureau", "authority", "forum",
        "taskforce", "force", "army", "police", "school", "college", "church", "club", "league", "team", "state",
        "states", "republic", "kingdom", "nations", "federation", "alliance", "coalition", "daily", "herald",
        "tribune", "gazette", "telegraph", "guardian", "reuters", "xinhua", "cnn", "bbc", "fox", "abc", "nbc", "cbs",
        "energy", "oil", "motors", "airlines", "systems", "technologies", "technology", "pharmaceuticals", "holdings",
        "partners", "capital", "communications", "entertainment", "records", "labs", "solutions", "industries",
        "international", "foods", "insurance", "securities", "ventures", "enterprises", "magazine", "radio",
        "television", "tv", "post", "review", "monitor", "observer", "examiner", "chronicle", "inquirer", "bulletin",
    ]
}
