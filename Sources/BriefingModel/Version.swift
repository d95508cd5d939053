/// The tool's version, written into run.json and the PDF's metadata.
public enum BriefingVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
