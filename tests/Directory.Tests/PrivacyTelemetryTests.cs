using System.Collections.Concurrent;
using System.Diagnostics;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>Personal contact data never reaches the logs or the traces, whatever the log level.</summary>
public sealed class PrivacyTelemetryTests
{
    private const string SecretPerson = "Quentin Fixture-Privacy";
    private const string SecretEmail = "quentin.privacy@example.org";
    private const string SecretPhone = "+12025550177";
    private const string SecretTitle = "Privacy Fixture Officer";

    [Fact]
    public async Task Writing_and_reading_contacts_leaves_no_personal_data_in_exported_logs_or_traces()
    {
        var telemetry = new TelemetryCapture();
        // Beyond what is exported: any span of any source in the process.
        var spans = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(Describe(a)),
        };
        ActivitySource.AddActivityListener(listener);

        using var host = (DirectoryHost)new DirectoryHost()
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithServices(telemetry.AddTo);
        var secretariat = host.Directory(TestKeys.Secretariat);

        var contact = PointOfContact("CUB");
        contact.Person = SecretPerson;
        contact.Title = SecretTitle;
        contact.Emails.Clear();
        contact.Emails.Add(SecretEmail);
        contact.Phones.Clear();
        contact.Phones.Add(SecretPhone);
        var created = await secretariat.CreateAsync(contact);

        var change = new Contact { Name = created.Name, Etag = created.Etag, Emails = { "second." + SecretEmail }, Phones = { SecretPhone, "not a phone " + SecretPerson } };
        await RpcAssert.InvalidArgumentAsync(() => secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change, UpdateMask = Mask("emails", "phones") }).ResponseAsync, "contact.phones[1]");
        change.Phones.RemoveAt(1);
        var updated = (await secretariat.UpdateContactAsync(new UpdateContactRequest { Contact = change, UpdateMask = Mask("emails", "phones") })).Contact;
        await secretariat.GetContactAsync(new GetContactRequest { Name = created.Name });
        await secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "CUB" });
        await secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name });
        await secretariat.GetDirectoryAsync(new GetDirectoryRequest());
        await secretariat.ExportDirectory(new ExportDirectoryRequest { Format = ExportFormat.JsonLines }).ReadAllAsync();
        await secretariat.RenderDirectoryAsync(new RenderDirectoryRequest { StateCode = "CUB" });
        await secretariat.RetireContactAsync(new RetireContactRequest { Name = created.Name, Etag = updated.Etag, Reason = "replaced" });

        string[] secrets = [SecretPerson, SecretEmail, SecretPhone, SecretTitle, "quentin"];
        Assert.Contains(telemetry.Spans, s => s.Contains("CreateContact"));
        telemetry.AssertNoneContains(secrets);
        Assert.NotEmpty(spans);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(spans, s => s.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Describe(Activity activity) =>
        string.Join('|', activity.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Append(activity.DisplayName)
            .Append(activity.StatusDescription ?? ""));
}
