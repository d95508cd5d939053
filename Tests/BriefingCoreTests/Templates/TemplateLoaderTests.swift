@testable import BriefingCore
import BriefingModel
import Testing

@Suite("Templates: parsing and validation with file:line:col")
struct TemplateLoaderTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try TemplateLoader.parse(yaml, path: "t.yaml")
            return []
        } catch {
            guard case .invalidInput(let list) = error else { return ["unexpected \(error)"] }
            return list.map(\.description)
        }
    }

    @Test func shippedTemplatesAreValid() throws {
        for name in ["default.yaml", "us-politics-2016.yaml"] {
            let template = try TemplateLoader.load(path: Repo.root.appendingPathComponent("ReportTemplates/\(name)").path)
            #expect(!template.actors.isEmpty && !template.themes.isEmpty)
        }
    }

    @Test func readsEveryKey() throws {
        let template = try TemplateLoader.parse("""
            title: T
            subtitle: S
            organisation: O
            page: {size: letter, font: Noto Serif}
            sections: [cover, voices]
            limits: {top_actors: 5, quotes_per_speaker: 2}
            actors:
              - {name: Huawei, kind: organisation, aliases: [Huawei Technologies]}
            themes:
              - {name: 5G, terms: [5G, telecom*]}
            """, path: "t.yaml")
        #expect(template.pageSize == .letter && template.font == "Noto Serif")
        #expect(template.sections == [.cover, .voices])
        #expect(template.limits.topActors == 5 && template.limits.quotesPerSpeaker == 2 && template.limits.topSpeakers == 10)
        #expect(template.actors[0].kind == .organization && template.actors[0].aliases == ["Huawei", "Huawei Technologies"])
    }

    @Test func everyProblemWithItsPosition() {
        let found = problems("""
            title: Test
            sectons: [cover]
            limits:
              top_actors: -3
            actors:
              - name: China
                kind: country
                alias: [PRC]
              - name: China
                kind: place
              - name: Beijing
                kind: place
                aliases: []
              - name: Mainland
                kind: place
                aliases: [PRC, "--"]
              - name: PRC
                kind: place
                aliases: [People's Republic]
            themes: []
            """)
        #expect(found.contains("t.yaml:2:1: unknown key 'sectons' in the template; did you mean 'sections'?"))
        #expect(found.contains("t.yaml:4:15: limits.top_actors must be a whole number from 1 to 10000"))
        #expect(found.contains("t.yaml:7:11: actor kind 'country' is not known; expected person, organization, place or other"))
        #expect(found.contains("t.yaml:8:5: unknown key 'alias' in an actor; did you mean 'aliases'?"))
        #expect(found.contains("t.yaml:9:11: duplicate actor 'China' (first at line 6)"))
        #expect(found.contains("t.yaml:13:14: aliases of 'Beijing' is an empty list"))
        #expect(found.contains("t.yaml:16:20: aliases of 'Mainland': '--' has no letter or digit to match"))
        #expect(found.contains("t.yaml:20:9: themes is an empty list"))
        #expect(found.contains { $0.hasPrefix("t.yaml:17:11: name 'PRC' is already an alias of 'Mainland'") })
    }

    @Test func yamlSyntaxErrorHasAPosition() {
        #expect(problems("title: [unclosed\n").first?.hasPrefix("t.yaml:2:1: YAML syntax:") == true)
    }

    @Test func missingRequiredKeys() {
        let found = problems("subtitle: only\n")
        #expect(found.contains { $0.contains("missing title") })
        #expect(found.contains { $0.contains("missing actors") })
        #expect(found.contains { $0.contains("missing themes") })
    }
}
