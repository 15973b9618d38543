/// What each survey tool's export shape says about its columns.
extension SurveyTable {
    static let qualtricsMetadata: Set<String> = [
        "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished", "recordeddate",
        "recipientlastname", "recipientfirstname", "recipientemail", "externalreference", "externaldatareference",
        "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage", "q_recaptchascore",
    ]
    static let koboMetadata: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
        "__version__", "formhub/uuid", "meta/instanceid", "meta/rootuuid", "meta/deprecatedid", "meta/instancename",
        // ODK Central's export.
        "submissiondate", "meta-instanceid", "meta-instancename", "submitterid", "submittername", "attachmentspresent",
        "attachmentsexpected", "status", "reviewstate", "edits", "formversion",
    ]
    static let limeSurveyMetadata: Set<String> = [
        "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
        "date submitted", "last page", "start language", "date started", "date last action", "ip address",
        "referrer url",
    ]

    /// Row 1 holds the keys (`Q1`, `Q3_2`), row 2 the question text, row 3 the import ids; metadata comes first.
    mutating func applyQualtrics() {
        let texts = records[0].fields
        records.removeFirst(2)
        for index in header.indices {
            keys[index] = header[index]
            let text = texts[index].trimmingWhitespace()
            if !text.isEmpty { header[index] = text }
        }
        ignore(Self.qualtricsMetadata, ids: ["responseid"])
    }

    /// `_` columns and form metadata are left out; `group/question` is keyed by the question's name; the 0/1
    /// columns of a select-multiple question are folded back into it.
    mutating func applyKobo() {
        let merged = SurveyOptionColumns.fold(&self, ownColumn: true) { header in
            guard let slash = header.lastIndex(of: "/") else { return nil }
            return (String(header[..<slash]), String(header[header.index(after: slash)...]))
        }
        for index in header.indices {
            let name = header[index]
            if let slash = name.lastIndex(of: "/"), !name.hasPrefix("_") {
                keys[index] = SurveyColumnDetector.key(for: String(name[name.index(after: slash)...]))
            }
        }
        let underscored = Set(header.map { $0.lowercased() }.filter { $0.hasPrefix("_") })
        ignore(Self.koboMetadata.union(underscored), ids: ["_uuid", "_id", "key"])
        for index in merged { known[index] = .multiple }
    }

    /// LimeSurvey's multiple choice is one `Y` column per option: `Q3[SQ001]` or `Which media? [Video]`.
    mutating func applyLimeSurvey() {
        let merged = SurveyOptionColumns.fold(&self) { header in
            guard header.hasSuffix("]"), let open = header.lastIndex(of: "["), open > header.startIndex else {
                return nil
            }
            let base = header[..<open].trimmingWhitespace()
            let option = header[header.index(after: open)..<header.index(before: header.endIndex)].trimmingWhitespace()
            return base.isEmpty || option.isEmpty ? nil : (base, option)
        }
        ignore(Self.limeSurveyMetadata, ids: ["id", "response id"])
        for index in merged { known[index] = .multiple }
    }
}
