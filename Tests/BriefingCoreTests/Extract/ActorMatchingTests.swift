@testable import BriefingCore
import BriefingModel
import Testing

@Suite("Extract: actor and theme matching")
struct ActorMatchingTests {
    let template: ReportTemplate = {
        var template = ReportTemplate(title: "T", actors: [
            ActorSpec(name: "China", kind: .place, aliases: ["China", "Sino"]),
            ActorSpec(name: "European Union", kind: .organization, aliases: ["European Union", "EU"]),
            ActorSpec(name: "Cyberspace Administration of China", kind: .organization, aliases: ["Cyberspace Administration of China", "CAC"]),
            ActorSpec(name: "China-EU Cyber Taskforce", kind: .organization, aliases: ["China-EU Cyber Taskforce"]),
            ActorSpec(name: "Xi Jinping", kind: .person, aliases: ["Xi Jinping", "Xi"]),
        ], themes: [
            ThemeSpec(name: "Investment", terms: ["invest*"]),
            ThemeSpec(name: "Cybersecurity", terms: ["cybersecurity", "cyber security"]),
        ])
        return template
    }()

    func mentions(_ text: String) -> [String] {
        DocumentExtractor(template: template).extract(Document(id: "d", path: "d", text: text)).mentions.map { template.actors[$0.actor].name }
    }

    @Test func leftmostLongest() {
        #expect(mentions("the Cyberspace Administration of China said") == ["Cyberspace Administration of China"])
        #expect(mentions("at the China-EU Cyber Taskforce meeting") == ["China-EU Cyber Taskforce"])
    }

    @Test func compoundsCountBothSides() {
        #expect(mentions("China-EU relations and Sino-EU trade") == ["China", "European Union", "China", "European Union"])
    }

    @Test func capitalsAreCaseSensitiveOthersAreNot() {
        #expect(mentions("the eu and the EU") == ["European Union"])
        #expect(mentions("CHINA and china") == ["China", "China"])
    }

    @Test func wholeWordsAndPossessives() {
        #expect(mentions("EU's plan, the EUR rate, Xi'an city, Xi’s visit") == ["European Union", "Xi Jinping"])
        #expect(mentions("Chinatown") == [])
    }

    @Test func offsetsAreCodePoints() {
        let analysis = DocumentExtractor(template: template).extract(Document(id: "d", path: "d", text: "中文 — EU"))
        #expect(analysis.mentions.first?.start == 5 && analysis.mentions.first?.end == 7)
    }

    @Test func themesWithPrefixTerms() {
        let hits = DocumentExtractor(template: template).extract(Document(id: "d", path: "d", text: "Investors invest in cyber security and cybersecurity.")).themeHits
        #expect(hits.map(\.theme) == [0, 0, 1, 1])
        #expect(hits.map(\.text) == ["Investors", "invest", "cyber security", "cybersecurity"])
    }
}
