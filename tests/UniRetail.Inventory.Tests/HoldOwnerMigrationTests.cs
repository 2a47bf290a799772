using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using UniRetail.Data;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

/// <summary>Migration 003 on a database that holds stock from before hold owners existed.</summary>
public abstract class HoldOwnerMigrationTests(DatabaseProvider provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Migration(string folder, string file)
    {
        var assembly = typeof(InventoryModule).Assembly;
        using var stream = assembly.GetManifestResourceStream($"UniRetail.Inventory.Persistence.Migrations.{folder}.{file}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Migration003_ExistingHolds_KeepTheirOwnerAndCartsAreClaimed()
    {
        var options = TestDatabases.New(provider);
        await using DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(options.ConnectionString) : new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(None);
        await connection.ExecuteAsync(Migration("common", "001_inventory.sql"));
        const string order = "ord_0193a5c2e7b87c3a9f0e4b1d2c3a4b5c";
        await connection.ExecuteAsync(
            """
            INSERT INTO inventory_reservation (tenant_id, reservation_id, reference, sku, location_id, quantity, status, expires_at_ms, created_at_ms)
            VALUES ('ten_1', 'res_1', @Order, 'MUG-1', 'loc_1', 1, 'active', 100, 1),
                   ('ten_1', 'res_2', 'cart-7', 'MUG-1', 'loc_1', 2, 'active', 200, 2),
                   ('ten_1', 'res_3', 'cart-7', 'BOWL-1', 'loc_1', 1, 'active', 200, 3),
                   ('ten_1', 'res_4', 'ord_short', 'MUG-1', 'loc_1', 1, 'confirmed', NULL, 4)
            """, new { Order = order });

        await connection.ExecuteAsync(Migration("common", "003_inventory_hold_owner.sql"));

        var owners = (await connection.QueryAsync<(string, string)>("SELECT reservation_id, owner_kind FROM inventory_reservation ORDER BY reservation_id")).ToList();
        Assert.Equal([("res_1", "order"), ("res_2", "cart"), ("res_3", "cart"), ("res_4", "cart")], owners);
        var carts = (await connection.QueryAsync<(string, long?)>("SELECT reference, expires_at_ms FROM inventory_cart ORDER BY reference")).ToList();
        Assert.Equal([("cart-7", 200L), ("ord_short", null)], carts);
    }
}

public sealed class HoldOwnerMigrationSqliteTests() : HoldOwnerMigrationTests(DatabaseProvider.Sqlite);

public sealed class HoldOwnerMigrationPostgresTests() : HoldOwnerMigrationTests(DatabaseProvider.Postgres);
