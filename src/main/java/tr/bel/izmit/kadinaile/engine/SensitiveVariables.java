package tr.bel.izmit.kadinaile.engine;

import java.util.Set;

/**
 * Names of process variables that may carry personal data for a moment (a start form's values before they
 * move into our own tables) and must never reach the engine's history. Each capability declares its own.
 */
public record SensitiveVariables(Set<String> names) {
}
