using System.CommandLine;
using UniRetail.Cli;
using UniRetail.Cli.Commands;

var root = new RootCommand("uniretail: one catalog, one inventory, one member and one order model for every channel")
{
    GlobalOptions.Db,
    GlobalOptions.Postgres,
    GlobalOptions.Keys,
    ServeCommand.Create(),
    DemoCommand.Create(),
    TenantCommands.Create(),
    SourceCommands.Create(),
    ProfileCommands.Create(),
    MarketingCommands.Create(),
    IdentityCommands.Create(),
    ImportCommands.Create(),
    InventoryCommands.Create(),
    LoyaltyCommands.Create(),
    KeysCommands.Create(),
    PromotionCommands.Create(),
    UserCommands.Create(),
    ShopsCommands.Create(),
    StoreCommands.Create(),
    StoreCommands.MemberCode(),
    TillCommands.Create(),
    BagCommands.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync();
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    return CliOutput.Fail(ex.Message);
}
