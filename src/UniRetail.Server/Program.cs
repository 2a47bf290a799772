using UniRetail.Server;

ServerHost.Build(args).Run();

/// <summary>The HTTP host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
