namespace TocMesh.Directory.Domain;

/// <summary>One field of a contact, named as the contract names it.</summary>
public sealed class ContactField(string name, bool updatable, bool personal, Func<ContactDetails, object?> get, Action<ContactDetails, ContactDetails> copy, Action<ContactDetails> clear)
{
    public string Name { get; } = name;

    /// <summary>state_code, role and instrument_id identify what the contact is; they never change.</summary>
    public bool Updatable { get; } = updatable;

    /// <summary>Shown only to callers that may read personal data.</summary>
    public bool Personal { get; } = personal;

    public void Copy(ContactDetails from, ContactDetails to) => copy(from, to);

    public void Clear(ContactDetails details) => clear(details);

    public bool HasValue(ContactDetails details) => get(details) switch
    {
        null => false,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        ContactRole r => r != ContactRole.Unspecified,
        _ => true,
    };

    public bool Differs(ContactDetails a, ContactDetails b) => (get(a), get(b)) switch
    {
        (IEnumerable<string> x, IEnumerable<string> y) => !x.SequenceEqual(y),
        (IEnumerable<ContactChannel> x, IEnumerable<ContactChannel> y) => !x.SequenceEqual(y),
        var (x, y) => !Equals(x, y),
    };
}
