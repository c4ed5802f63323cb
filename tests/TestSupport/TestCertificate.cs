using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TocMesh.TestSupport;

/// <summary>
/// A certificate authority made for one test and a server certificate it signed for the loopback
/// addresses and <c>localhost</c>, as PEM files in a folder of their own (deleted on dispose), the way
/// a deployment mounts them: <see cref="CertificatePath"/> and <see cref="KeyPath"/> for Kestrel,
/// <see cref="AuthorityPath"/> for a client that trusts this authority.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _folder;

    public TestCertificate()
    {
        _folder = TemporaryFolders.New("tls");
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=TocMesh test authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        Authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        foreach (var address in Addresses)
        {
            names.AddIpAddress(address);
        }

        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(Authority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        Server = signed.CopyWithPrivateKey(serverKey);

        File.WriteAllText(CertificatePath, Server.ExportCertificatePem());
        File.WriteAllText(KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(AuthorityPath, Authority.ExportCertificatePem());
    }

    /// <summary>The addresses the server certificate names, besides <c>localhost</c>: two loopback addresses, one per port.</summary>
    public static IReadOnlyList<IPAddress> Addresses { get; } = [IPAddress.Loopback, IPAddress.Parse("127.0.0.2")];

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    /// <summary>The server certificate, PEM (<c>Kestrel:Certificates:Default:Path</c>).</summary>
    public string CertificatePath => Path.Combine(_folder, "tls.crt");

    /// <summary>Its private key, PEM (<c>Kestrel:Certificates:Default:KeyPath</c>).</summary>
    public string KeyPath => Path.Combine(_folder, "tls.key");

    /// <summary>The authority's certificate, PEM: what a client is told to trust.</summary>
    public string AuthorityPath => Path.Combine(_folder, "ca.crt");

    /// <summary>
    /// A client handler that trusts this authority only (not the system's), checks the name as usual,
    /// and records the certificate each TLS handshake presented in <paramref name="presented"/>.
    /// </summary>
    public SocketsHttpHandler TrustingHandler(ICollection<X509Certificate2>? presented = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(Authority);
        if (presented is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                lock (presented)
                {
                    presented.Add(new X509Certificate2(certificate!));
                }

                return errors == System.Net.Security.SslPolicyErrors.None;
            };
        }

        return handler;
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
