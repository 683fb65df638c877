package dev.foyer.directory;

/** On the embedded H2 database of {@link dev.foyer.tenant.DatabaseTest}. */
class JdbcUserRepositoryOnH2Tests extends JdbcUserRepositoryTests {
}
