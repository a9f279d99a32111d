package tr.bel.izmit.kadinaile.engine;

import java.lang.reflect.Field;

/**
 * Reads private fields of the engine's command and query classes, for the guards that need what those classes do not
 * expose (recorded in docs/engine-overrides.md). A field that an engine upgrade renamed fails at start-up, naming the
 * guard to adapt, instead of silently letting everything through.
 */
final class EngineFields {

    private EngineFields() {
    }

    static Field field(Class<?> type, String name, String guard) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " no longer has '" + name
                + "': the " + guard + " must be adapted to this engine version", e);
        }
    }

    static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
