// AliasRules: how a template alias or term matches text — predictable for the user.
// An alias written with no lower-case letter and at least one capital (EU, CAC, ZTE, 5G) matches
// case-sensitively; any other alias matches case-insensitively. Matches are whole words; a
// possessive ('s, ’s) after a match still counts. A term ending in `*` matches as a prefix.

/// Matching rules for aliases and terms.
public enum AliasRules {
    /// True when the alias must match with exactly this case (`EU`, `CAC`, `5G`).
    public static func isCaseSensitive(_ alias: String) -> Bool {
        var hasUpper = false
        for scalar in alias.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isUppercase { hasUpper = true }
        }
        return hasUpper
    }

    /// The key under which two aliases are the same alias (case folded unless case-sensitive,
    /// spaces collapsed).
    public static func normalizedKey(_ alias: String) -> String {
        let collapsed = alias.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return isCaseSensitive(alias) ? collapsed : collapsed.lowercased()
    }
}
