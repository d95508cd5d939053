import BriefingModel
import Yams

extension TemplateNodeReader {
    /// Reads the whole template; nil when the root is unusable.
    mutating func readTemplate(_ root: Node) -> ReportTemplate? {
        guard let top = fields(root, allowed: Self.topKeys, context: "the template") else { return nil }
        let title = string(top["title"]?.value, "title", required: true, parent: root) ?? ""
        let actors = readActors(top["actors"]?.value, parent: root)
        let themes = readThemes(top["themes"]?.value, parent: root)
        var template = ReportTemplate(title: title, actors: actors, themes: themes)
        template.subtitle = string(top["subtitle"]?.value, "subtitle") ?? ""
        template.organisation = string(top["organisation"]?.value, "organisation") ?? ""
        if let page = top["page"]?.value, let pageFields = fields(page, allowed: Self.pageKeys, context: "page") {
            if let sizeNode = pageFields["size"]?.value, let size = string(sizeNode, "page size") {
                if let value = ReportTemplate.PageSize.allCases.first(where: { $0.rawValue.lowercased() == size.lowercased() }) {
                    template.pageSize = value
                } else {
                    problem(sizeNode, "page size '\(size)' is not known; expected A4 or Letter")
                }
            }
            if let font = string(pageFields["font"]?.value, "page font"), !font.isEmpty { template.font = font }
        }
        if let sectionsNode = top["sections"]?.value {
            var sections: [ReportTemplate.Section] = []
            for (name, node) in stringList(sectionsNode, "sections", parent: root) {
                guard let section = ReportTemplate.Section(rawValue: name.lowercased()) else {
                    let names = ReportTemplate.Section.allCases.map(\.rawValue)
                    let hint = Self.nearest(name, in: names).map { "; did you mean '\($0)'?" } ?? "; expected one of \(names.joined(separator: ", "))"
                    problem(node, "unknown section '\(name)'\(hint)")
                    continue
                }
                if sections.contains(section) { problem(node, "section '\(name)' is listed twice") }
                sections.append(section)
            }
            template.sections = sections
        }
        if let limitsNode = top["limits"]?.value, let limits = fields(limitsNode, allowed: Self.limitKeys, context: "limits") {
            template.limits.topActors = positiveInt(limits["top_actors"]?.value, "limits.top_actors") ?? template.limits.topActors
            template.limits.topSpeakers = positiveInt(limits["top_speakers"]?.value, "limits.top_speakers") ?? template.limits.topSpeakers
            template.limits.quotesPerSpeaker = positiveInt(limits["quotes_per_speaker"]?.value, "limits.quotes_per_speaker") ?? template.limits.quotesPerSpeaker
            template.limits.documentsListed = positiveInt(limits["documents_listed"]?.value, "limits.documents_listed") ?? template.limits.documentsListed
            template.limits.suggestedActors = positiveInt(limits["suggested_actors"]?.value, "limits.suggested_actors") ?? template.limits.suggestedActors
        }
        return template
    }

    mutating func readActors(_ node: Node?, parent: Node) -> [ActorSpec] {
        guard let node else {
            problem(parent, "missing actors (a list of {name, kind, aliases})")
            return []
        }
        guard case .sequence(let items) = node else {
            problem(node, "actors must be a list of {name, kind, aliases}")
            return []
        }
        if items.isEmpty { problem(node, "actors is an empty list") }
        var actors: [ActorSpec] = []
        var names: [String: Node] = [:]
        var aliasOwners: [String: String] = [:]
        for item in items {
            guard let actor = fields(item, allowed: Self.actorKeys, context: "an actor") else { continue }
            let name = string(actor["name"]?.value, "actor name", required: true, parent: item) ?? ""
            var kind = ActorKind.other
            if let kindNode = actor["kind"]?.value, let value = string(kindNode, "actor kind") {
                if let parsed = ActorKind(rawValue: value.lowercased()) ?? (value.lowercased() == "organisation" ? .organization : nil) {
                    kind = parsed
                } else {
                    problem(kindNode, "actor kind '\(value)' is not known; expected person, organization, place or other")
                }
            } else if actor["kind"] == nil {
                problem(item, "actor '\(name)' has no kind; expected person, organization, place or other")
            }
            var aliases: [String] = [name]
            if let aliasNode = actor["aliases"]?.value {
                for (alias, node) in stringList(aliasNode, "aliases of '\(name)'", parent: item) {
                    let key = AliasRules.normalizedKey(alias)
                    if let owner = aliasOwners[key], owner != name {
                        problem(node, "alias '\(alias)' of '\(name)' is already an alias of '\(owner)'")
                    }
                    if !aliases.contains(alias) { aliases.append(alias) }
                }
            }
            guard !name.isEmpty else { continue }
            if let first = names[name.lowercased()] {
                let line = first.mark.map { " (first at line \($0.line))" } ?? ""
                problem(actor["name"]?.value ?? item, "duplicate actor '\(name)'\(line)")
                continue
            }
            names[name.lowercased()] = actor["name"]?.value ?? item
            for alias in aliases {
                let key = AliasRules.normalizedKey(alias)
                if let owner = aliasOwners[key], owner != name, alias == name {
                    problem(actor["name"]?.value ?? item, "name '\(name)' is already an alias of '\(owner)'")
                }
                if aliasOwners[key] == nil { aliasOwners[key] = name }
            }
            actors.append(ActorSpec(name: name, kind: kind, aliases: aliases))
        }
        return actors
    }

    mutating func readThemes(_ node: Node?, parent: Node) -> [ThemeSpec] {
        guard let node else {
            problem(parent, "missing themes (a list of {name, terms})")
            return []
        }
        guard case .sequence(let items) = node else {
            problem(node, "themes must be a list of {name, terms}")
            return []
        }
        if items.isEmpty { problem(node, "themes is an empty list") }
        var themes: [ThemeSpec] = []
        var seen: Set<String> = []
        for item in items {
            guard let theme = fields(item, allowed: Self.themeKeys, context: "a theme") else { continue }
            let name = string(theme["name"]?.value, "theme name", required: true, parent: item) ?? ""
            let terms = stringList(theme["terms"]?.value, "terms of '\(name)'", parent: item).map(\.0)
            if !name.isEmpty && !seen.insert(name.lowercased()).inserted {
                problem(theme["name"]?.value, "duplicate theme '\(name)'")
                continue
            }
            if !name.isEmpty { themes.append(ThemeSpec(name: name, terms: terms)) }
        }
        return themes
    }
}
