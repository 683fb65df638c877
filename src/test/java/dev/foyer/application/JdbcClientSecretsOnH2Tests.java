package dev.foyer.application;

/** On the embedded H2 database of {@link dev.foyer.tenant.DatabaseTest}. */
class JdbcClientSecretsOnH2Tests extends JdbcClientSecretsTests {
}
