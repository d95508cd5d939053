@testable import BriefingCore
import Testing

@Suite("Extract: word sets")
struct WordSetTests {
    @Test func membershipIsExactForEveryWordAndNoOther() {
        let words = (0..<5_000).map { "w\($0)" } + ["said", "Mr.", "l'état", "习近平", ""]
        let set = WordSet(words)
        for word in words { #expect(set.contains(word), "\(word)") }
        for word in ["w5000", "w-1", "SAID", "mr.", "l’état", "习近", " said", "said "] { #expect(!set.contains(word), "\(word)") }
    }

    @Test func emptySetAndUnion() {
        let empty: WordSet = []
        #expect(!empty.contains("he"))
        #expect(!empty.contains(""))
        let pronouns: WordSet = ["he", "she"]
        let more = pronouns.union(["him", "he"])
        #expect(more.words == ["he", "him", "she"])
        #expect(more.contains("him") && more.contains("she") && !pronouns.contains("him"))
    }

    @Test func bytesAreLookedUpLikeTheirString() {
        let set: WordSet = ["gov.", "l'état", "习近平", "said"]
        for text in ["Gov. said l'état 习近平 x", "said"] {
            for part in text.lowercased().utf8.split(separator: 0x20) {
                #expect(set.contains(bytes: part) == set.contains(String(Substring(part))), "\(String(Substring(part)))")
            }
        }
        #expect(set.contains(bytes: "x gov.".utf8.split(separator: 0x20)[1]))
        #expect(!set.contains(bytes: "gov".utf8.split(separator: 0x20)[0]))
        // Every word of a phrase, as `allWords` reads them.
        #expect(ScalarText.allWords(of: "gov.  said ", { set.contains(bytes: $0) }))
        #expect(!ScalarText.allWords(of: "gov. x said", { set.contains(bytes: $0) }))
        #expect(ScalarText.allWords(of: "", { _ in false }))
    }

    /// NameIndex reads a run's gender only from words that are titles.
    @Test func everyGenderedTitleIsATitle() {
        for word in NameIndex.maleTitles.words + NameIndex.femaleTitles.words {
            #expect(SpeechLexicon.titles.contains(word), "\(word)")
        }
    }

    @Test func wordMapGivesEachWordItsValue() {
        let pairs = Dictionary(uniqueKeysWithValues: (0..<3_000).map { ("alias \($0)", $0) } + [("xi", -1), ("习近平", -2), ("", -3)])
        let map = WordMap(pairs)
        for (word, value) in pairs { #expect(map[word] == value, "\(word)") }
        for word in ["alias 3000", "Xi", "习近", " xi"] { #expect(map[word] == nil, "\(word)") }
        #expect(WordMap<Int>([:])["xi"] == nil)
        // Words that are not ASCII compare as String does: canonically equivalent spellings match.
        let accented = WordMap(["jos\u{E9} ram\u{ED}rez": 1])
        #expect(accented["jose\u{301} rami\u{301}rez"] == 1)
        #expect(accented["jose ramirez"] == nil)
    }

    /// A document's key set answers as a Set<String> would: through growth, for ASCII keys by
    /// hash and bytes, for others by String equality (a decomposed "josé" finds the composed one).
    @Test func keySetAnswersLikeASetOfStrings() {
        var keys = KeySet(capacity: 2)
        var reference = Set<String>()
        for number in 0..<300 {
            let key = number % 7 == 0 ? "jos\u{E9} \(number)" : "name \(number)"
            keys.insert(key, hash: WordSet.hash(key))
            reference.insert(key)
            if number % 3 == 0 { keys.insert(key, hash: WordSet.hash(key)) }
        }
        for number in 0..<600 {
            let key = number % 7 == 0 ? "jos\u{E9} \(number)" : "name \(number)"
            #expect(keys.contains(key) == reference.contains(key), "\(key)")
        }
        #expect(keys.contains("jose\u{301} 7"))
        #expect(!keys.contains("name"))
        #expect(!KeySet().contains(""))
    }

    /// A person table finds names as a dictionary of Strings does, below and beyond the number of
    /// names it compares one by one (canonically equal spellings are one name).
    @Test func personTableFindsNamesAsADictionaryDoes() {
        var table = PersonTable<Int>()
        var dictionary: [String: Int] = [:]
        for number in 0..<100 {
            let name = number % 3 == 0 ? "Jos\u{E9} \(number / 3)" : "Name \(number)"
            let variant = number % 3 == 0 ? "Jose\u{301} \(number / 3)" : name
            for spelling in [name, variant] {
                let position = table.index(of: spelling) ?? table.append(spelling, number)
                table.values[position] += 1000
                dictionary[spelling, default: number] += 1000
                #expect(table.names.count == dictionary.count)
                for (key, value) in dictionary {
                    #expect(table.index(of: key).map { table.values[$0] } == value, "\(key)")
                }
            }
            #expect(table.index(of: "Nobody") == nil)
        }
        #expect(table.names.count > PersonTable<Int>.linearLimit)
        let doubled = table.mapValues { $0 * 2 }
        #expect(doubled.index(of: "Jose\u{301} 20").map { doubled.values[$0] } == 2 * (dictionary["Jos\u{E9} 20"] ?? 0))
    }
}
