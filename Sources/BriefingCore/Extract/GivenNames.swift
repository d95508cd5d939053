// GivenNames: common given names whose gender is nearly always one way, to read "he" and "she"
// when a document gives no other clue. A name not listed here says nothing.

/// Common given names by gender (lower case).
enum GivenNames {
    /// Given names of women.
    static let female: WordSet = [
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
        "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
        "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
        "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria",
        "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
        "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
        "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "melania",
        "ivanka", "michelle", "nancy", "condoleezza", "madeleine", "kellyanne", "huma", "loretta", "sheryl",
        "oprah", "angela", "theresa", "ursula", "federica", "christine", "margrethe", "marine", "manon", "sandy",
        "leslie", "melanie", "aparna", "ava", "alicia", "tyresha", "jill", "carly", "sarah", "nikki", "kamala",
        "elaine", "lily", "terry", "gennifer", "debbie", "marcia", "rakeyia", "jo-renee", "kathryn", "yoko",
        "meryl", "beyonce", "katy", "hope", "donna", "dana", "sheila", "wendy", "tammy", "irene", "tina", "rita",
    ]

    /// Given names of men.
    static let male: WordSet = [
        "james", "robert", "john", "michael", "david", "william", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler",
        "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter",
        "noah", "jeremy", "christian", "keith", "roger", "austin", "sean", "gerald", "carl", "harold", "dylan",
        "arthur", "lawrence", "jordan", "jesse", "bryan", "billy", "bruce", "gabriel", "joe", "logan", "albert",
        "willie", "alan", "eugene", "russell", "vincent", "philip", "bobby", "johnny", "bradley", "barack",
        "bernie", "mike", "tim", "ted", "marco", "jeb", "chris", "newt", "rudy", "mitch", "harry", "bill", "vladimir",
        "xi", "jinping", "emmanuel", "boris", "justin", "shinzo", "narendra", "recep", "benjamin", "kim", "hassan",
        "rex", "jim", "tom", "dan", "ben", "sam", "tony", "nick", "matt", "josh", "jake", "luke", "rick", "reince",
        "sean", "newt", "jeff", "howard", "dick", "al", "joe", "hunter", "luigi", "andrus", "herman", "jean-claude",
        "josep", "quentin", "dante", "norman", "laurence", "jean-marc", "malcolm", "osama", "harold", "lloyd",
        "robby", "jesse", "brad", "henry", "jason", "keith", "terrence", "terence", "amadou", "dainis", "oscar",
    ]

    /// `gender(of:)` of the first word of a name with a space ("Hillary" of "Hillary Clinton"),
    /// read from the bytes when that word is ASCII (lowered in a buffer, hashed once for both
    /// lists); nil when the name has no space.
    static func gender(ofFirstWordOf name: String) -> Character? {
        let decided = name.utf8.withContiguousStorageIfAvailable { bytes -> Character?? in
            guard let space = bytes.firstIndex(of: 0x20) else { return .some(nil) }
            let word = UnsafeBufferPointer(rebasing: bytes[..<space])
            guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
            return ASCIISearch.withFolded(word) { lower -> Character? in
                let hash = WordSet.hash(lower)
                let isFemale = female.contains(bytes: lower, hash: hash), isMale = male.contains(bytes: lower, hash: hash)
                if isFemale == isMale { return nil }
                return isFemale ? "f" : "m"
            }
        }
        if let decided, let answer = decided { return answer }
        guard let space = name.utf8.firstIndex(of: 0x20) else { return nil }
        return gender(of: String(Substring(name.utf8[..<space])))
    }

    /// "m", "f" or nil for a given name.
    static func gender(of given: String) -> Character? {
        let lower = given.lowercased()
        let isFemale = female.contains(lower), isMale = male.contains(lower)
        if isFemale == isMale { return nil }
        return isFemale ? "f" : "m"
    }
}
