package dev.foyer.keys;

/** On the embedded H2 database under {@link SigningKeysTests#DATA_DIR}. */
class SigningKeysOnH2Tests extends SigningKeysTests {
}
