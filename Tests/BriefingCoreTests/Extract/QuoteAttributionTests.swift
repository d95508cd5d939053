@testable import BriefingCore
import BriefingModel
import Testing

/// Extracts (speaker, quote) pairs from `text` with a small template.
func quotes(_ text: String, actors: [ActorSpec] = []) -> [(String, String)] {
    let template = ReportTemplate(title: "T", actors: actors, themes: [])
    let analysis = DocumentExtractor(template: template).extract(Document(id: "d", path: "d.txt", text: text))
    return analysis.quotations.map { ($0.speaker, $0.text) }
}

@Suite("Extract: quotation spans")
struct QuoteSpanTests {
    @Test func eachQuotedStretchIsOneQuotation() {
        let found = quotes("\"Cybersecurity matters,\" he said, \"and so does trust.\"")
        #expect(found.map(\.1) == ["Cybersecurity matters,", "and so does trust."])
    }

    @Test func curlyGuillemetsAndCornerBrackets() {
        #expect(quotes("“We agree,” said Lu Wei.").map(\.1) == ["We agree,"])
        #expect(quotes("« Nous sommes prêts », a dit Manon Le Blanc.").map(\.1) == ["Nous sommes prêts"])
        #expect(quotes("王磊说：「我们愿意合作，共同发展。」").map(\.1) == ["我们愿意合作，共同发展。"])
    }

    @Test func quoteLeftOpenEndsAtParagraphEnd() {
        let text = "\"There is a huge space for our cooperation, said nobody here\n\n\"And we will contribute,\" he says."
        #expect(quotes(text).map(\.1) == ["There is a huge space for our cooperation, said nobody here", "And we will contribute,"])
    }

    @Test func scareQuotesAndTitlesAreNotQuotations() {
        #expect(quotes("It eased fears abroad of the so-called \"China threat\" among investors.").isEmpty)
        #expect(quotes("She appeared on MSNBC's \"Morning Joe\" on Friday to talk.").isEmpty)
    }

    @Test func strayClosingMarkAndInchMarkOpenNothing() {
        #expect(quotes("Trump is 6'3\" tall and weighs 236 pounds, the letter says.").isEmpty)
    }
}

@Suite("Extract: attribution of quotations to speakers")
struct QuoteAttributionTests {
    @Test func saidNameAfterTheQuote() {
        #expect(quotes("\"Cyber threats are shared,\" said Zhao Junjie, a specialist at the academy.").first?.0 == "Zhao Junjie")
    }

    @Test func nameSaidColonBefore() {
        #expect(quotes("Zhao Junjie said: \"Cyber threats are shared.\"").first?.0 == "Zhao Junjie")
    }

    @Test func saysNameInPresentTense() {
        #expect(quotes("\"We will push forward,\" says Lu Wei, director of the agency.").first?.0 == "Lu Wei")
    }

    @Test func surnameIsGivenInFull() {
        let text = "Zhao Junjie is a specialist.\n\n\"Such a statement is rare,\" Zhao said."
        #expect(quotes(text).first?.0 == "Zhao Junjie")
    }

    @Test func pronounAfterANamedSpeaker() {
        let text = "\"This does not mean we refuse products,\" said Zhao Zeliang, director of the bureau.\n\n\"Our requirements are not barriers,\" he told a news conference."
        #expect(quotes(text).map(\.0) == ["Zhao Zeliang", "Zhao Zeliang"])
    }

    @Test func titlesAreNotPartOfTheName() {
        #expect(quotes("President Xi Jinping said: \"We will cooperate.\"").first?.0 == "Xi Jinping")
        #expect(quotes("Ohio Gov. John Kasich told supporters: \"I have renewed faith in this.\"").first?.0 == "John Kasich")
        #expect(quotes("Foreign Ministry Spokesperson Lu Kang said, \"We oppose this.\"").first?.0 == "Lu Kang")
    }

    @Test func appositionBetweenNameAndVerb() {
        let text = "Wu Yikang, deputy director of the Chinese Society for European Studies, said: \"This highlights the relationship.\""
        #expect(quotes(text).first?.0 == "Wu Yikang")
    }

    @Test func accordingTo() {
        #expect(quotes("\"The plan is ready,\" according to Manon Le Blanc of the service.").first?.0 == "Manon Le Blanc")
    }

    @Test func documentSpeaksForItsIssuer() {
        let text = "It acts against crime, according to the strategy released by the Cyberspace Administration of China (CAC).\n\n“Cyberspace sovereignty is an important part of state sovereignty,” the strategy reads."
        #expect(quotes(text).first?.0 == "Cyberspace Administration of China")
    }

    @Test func unattributedQuoteContinuesThePreviousParagraph() {
        let text = "\"It is time to deepen ties,\" said Wu Yikang.\n\n\"The second edition shows a new era.\""
        #expect(quotes(text).map(\.0) == ["Wu Yikang", "Wu Yikang"])
    }

    @Test func embeddedShortQuoteWithNearbyVerb() {
        #expect(quotes("The former senator said it was \"a mistake\" to use private email.").first?.0 == "the former senator")
    }

    @Test func nounLikeVerbFormsNeedASubject() {
        let text = "Hillary Clinton says Donald Trump's flurry of late-night tweets was “unhinged, even for him.”"
        #expect(quotes(text).first?.0 == "Hillary Clinton")
    }

    @Test func parenthesisAfterTheName() {
        let text = "House Speaker Paul D. Ryan (R-Wis.) said the recent spate of shootings demands that all Americans engage in \"more listening\" now."
        #expect(quotes(text).first?.0 == "Paul D. Ryan")
    }

    @Test func descriptionSpeaker() {
        let text = "The commission says on its website that “there were issues regarding the audio that affected the hall”"
        #expect(quotes(text).first?.0 == "the commission")
    }

    @Test func speakerIsATemplateActor() {
        let actors = [ActorSpec(name: "Xi Jinping", kind: .person, aliases: ["Xi Jinping", "Xi"])]
        let text = "Xi said: \"We welcome cooperation with Europe.\""
        #expect(quotes(text, actors: actors).first?.0 == "Xi Jinping")
    }

    @Test func transcriptLabelsAreSpeakers() {
        #expect(quotes("\"PENCE: Well, the question really should be asked.\"").first?.0 == "Pence")
        #expect(quotes("\"Chris Matthews: Seriously, seriously about this.\"").first?.0 == "Chris Matthews")
    }

    @Test func quoteAfterASentenceEndingInItsAttribution() {
        let text = "The administration may be reluctant to act, Adam Schiff said. \"The other factor may be the talks with Russia.\""
        #expect(quotes(text).first?.0 == "Adam Schiff")
    }

    @Test func pronounsFollowGender() {
        let text = "Hillary Clinton spoke first. Then Donald Trump answered her.\n\n\"We need a plan for the economy,\" she said."
        #expect(quotes(text).first?.0 == "Hillary Clinton")
    }

    @Test func attributionAfterACommaAtTheSentenceEnd() {
        let text = "Elizabeth Warren spoke.\n\n\"The only way Wall Street will change is if executives face jail\" for criminal behavior, she said."
        #expect(quotes(text).first?.0 == "Elizabeth Warren")
    }

    @Test func nicknamesAndQuotedPronounsAreNotQuotations() {
        #expect(quotes("Scott's niece, state Del. Marcia \"Cia\" Price, shouted to the crowd.").isEmpty)
        #expect(quotes("Why vote for him, unless simply because \"she\" is a woman?").isEmpty)
    }
}

@Suite("Extract: a description's head word")
struct DescriptionHeadTests {
    /// Cut from the bytes for ASCII, it is the last word `split(separator: " ")` gives, lowered,
    /// whatever the spaces around it; beyond ASCII the split itself answers.
    @Test func lastWordLoweredIsTheSplitsLastWordLowered() {
        let pieces = ["The ", " ", "Report", "statement", "É", "e\u{301}", "中", " \u{301}", "x", "  ", "A"]
        var checked = 0
        for text in PieceTexts.make(pieces, count: 400, pieces: 0...8, seed: 0x2545_F491_4F6C_DD1D) + ["", " ", "a", " a ", "The Memo  "] {
            #expect(QuoteAttributor.lastWordLowered(text) == text.split(separator: " ").last.map { $0.lowercased() }, "\(text)")
            checked += 1
        }
        #expect(checked == 405)
    }
}

@Suite("Extract: person speakers")
struct PersonSpeakerTests {
    /// The ASCII path (lowered once in a buffer) answers as the rule written with Strings: the
    /// template's kinds first, else whether the name looks like a person's.
    @Test func asciiSpeakersAnswerAsTheStringRule() throws {
        let template = try TemplateLoader.load(path: Repo.root.appendingPathComponent("ReportTemplates/default.yaml").path)
        var pairs: [String: ActorKind] = [:]
        for actor in template.actors { for alias in actor.aliases { pairs[alias.lowercased()] = actor.kind } }
        let kinds = WordMap(pairs)
        var speakers = template.actors.flatMap { [$0.name] + $0.aliases }
        speakers += ["Zhao Junjie", "ZHAO JUNJIE", "Hillary Clinton", "New York Times", "Bank of America", "You're Right",
                     "Mr. Smith Jones", "U.S. Trade Office", "Chinese Foreign Ministry", "Xi", "A B C D E", "a"]
        var persons = 0
        for speaker in speakers where speaker.utf8.allSatisfy({ $0 < 0x80 }) {
            let rule = kinds[ScalarText.lower(speaker)].map { $0 == .person } ?? NameIndex.looksLikePerson(spaceSeparated: speaker)
            #expect(QuoteAttributor.isPersonSpeaker(ascii: speaker, actorKinds: kinds) == rule, "\(speaker)")
            if rule { persons += 1 }
        }
        // Both answers occur.
        #expect(persons > 5 && persons < speakers.count - 5)
    }
}

@Suite("Extract: given names")
struct GivenNameTests {
    /// Read from a full name's bytes, the first word's gender is what the String form gives for it.
    @Test func firstWordGenderAnswersAsTheStringForm() {
        let givens = Array(GivenNames.female.words.prefix(40)) + Array(GivenNames.male.words.prefix(40)) + ["zhao", "josé", "ZOE", "chris"]
        var names = givens.flatMap { [$0.capitalized + " Smith", $0.uppercased() + " Li", $0 + " x", $0] }
        names += ["", " Lead", "Élodie Martin", "Anna-Lena Berg"]
        var gendered = 0
        for name in names {
            let expected = name.utf8.firstIndex(of: 0x20).flatMap { GivenNames.gender(of: String(Substring(name.utf8[..<$0]))) }
            #expect(GivenNames.gender(ofFirstWordOf: name) == expected, "\(name)")
            if expected != nil { gendered += 1 }
        }
        #expect(gendered > 100)
    }
}
