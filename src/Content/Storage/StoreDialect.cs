namespace Reach.Content.Storage;

public enum StoreDialect
{
    Sqlite,
    Postgres,
}
