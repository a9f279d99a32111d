package tr.bel.izmit.kadinaile.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/** Looks for canaries in every table as text and in the bytes of files. */
final class CanaryScan {

    private CanaryScan() {
    }

    /** Whether a table is the engine's (Camunda's ACT_* tables). */
    static boolean engineTable(String table) {
        return table.toLowerCase(Locale.ROOT).startsWith("act_");
    }

    /**
     * Every table of the database's public schema as text, one line per row, with each binary column also as hex
     * (a canary inside a byte array shows as its UTF-8 bytes in hex).
     */
    static Map<String, String> tablesAsText(JdbcTemplate jdbc, boolean postgres) {
        Map<String, String> tables = new TreeMap<>();
        String schema = postgres ? "public" : "PUBLIC";
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = ? "
            + "and table_type in ('BASE TABLE', 'TABLE')", String.class, schema)) {
            String quoted = '"' + table + '"';
            StringBuilder text = new StringBuilder();
            jdbc.query("select * from " + quoted, row -> {
                int columns = row.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = row.getObject(i);
                    if (value instanceof byte[] bytes) {
                        text.append(new String(bytes, StandardCharsets.UTF_8)).append('|').append(HexFormat.of().formatHex(bytes));
                    } else if (value instanceof java.sql.Clob clob) {
                        text.append(clob.getSubString(1, (int) clob.length()));
                    } else if (value instanceof java.sql.Blob blob) {
                        byte[] bytes = blob.getBytes(1, (int) blob.length());
                        text.append(new String(bytes, StandardCharsets.UTF_8)).append('|').append(HexFormat.of().formatHex(bytes));
                    } else {
                        text.append(value);
                    }
                    text.append('|');
                }
                text.append('\n');
            });
            tables.put(table.toLowerCase(Locale.ROOT), text.toString());
        }
        return tables;
    }

    /** The tables whose text holds the canary. */
    static List<String> tablesHolding(Map<String, String> tables, String canary) {
        List<String> found = new ArrayList<>();
        tables.forEach((table, text) -> {
            if (text.contains(canary)) {
                found.add(table);
            }
        });
        return found;
    }

    /** Every regular file under the directory, with its bytes as ISO-8859-1 text (one char per byte). */
    static Map<Path, String> filesAsBytes(Path directory) {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try {
                    files.put(directory.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a temporary file the server removed while we walked: nothing left to read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The canary's UTF-8 bytes, as the ISO-8859-1 text {@link #filesAsBytes} compares with. */
    static String utf8Bytes(String canary) {
        return new String(canary.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The files whose bytes hold the canary in UTF-8. */
    static List<Path> filesHolding(Map<Path, String> files, String canary) {
        return filesHolding(files, List.of(utf8Bytes(canary)));
    }

    /** The files whose bytes hold the canary in UTF-8 or in H2's own string encoding. */
    static List<Path> h2FilesHolding(Map<Path, String> files, String canary) {
        return filesHolding(files, List.of(utf8Bytes(canary), h2Bytes(canary)));
    }

    private static List<Path> filesHolding(Map<Path, String> files, List<String> encodings) {
        List<Path> found = new ArrayList<>();
        files.forEach((file, content) -> {
            if (encodings.stream().anyMatch(content::contains)) {
                found.add(file);
            }
        });
        return found;
    }

    /**
     * The canary as H2's file store writes a string (its {@code DataUtils.writeStringData}): like UTF-8, but the
     * continuation bytes lack their high bit, so "ı" or "ü" are not UTF-8 in an .mv.db file.
     */
    static String h2Bytes(String canary) {
        StringBuilder bytes = new StringBuilder();
        for (char c : canary.toCharArray()) {
            if (c < 0x80) {
                bytes.append(c);
            } else if (c < 0x800) {
                bytes.append((char) (0xc0 | (c >> 6))).append((char) (c & 0x3f));
            } else {
                bytes.append((char) (0xe0 | (c >> 12))).append((char) ((c >> 6) & 0x3f)).append((char) (c & 0x3f));
            }
        }
        return bytes.toString();
    }

    static long totalBytes(Collection<String> contents) {
        return contents.stream().mapToLong(String::length).sum();
    }

    /**
     * What the canaries must not be found in, table by table: a violence-line canary in no table in clear (its
     * table holds it encrypted; so also the counselling's and the library's canaries), a citizen's data in no engine table, a name that a running case's task forms show
     * in no engine table but the runtime variables. Also checks that each citizen canary did arrive in our own
     * tables (so the scan looks at the right data). Returns the findings, empty when all holds.
     */
    static List<String> findingsInTables(CanaryDoors doors, Map<String, String> tables) {
        List<String> findings = new ArrayList<>();
        doors.violenceLine.forEach((label, canary) -> tablesHolding(tables, canary)
            .forEach(table -> findings.add("violence line " + label + " in clear in table " + table)));
        doors.counselling.forEach((label, canary) -> tablesHolding(tables, canary)
            .forEach(table -> findings.add(label + " in clear in table " + table)));
        doors.library.forEach((label, canary) -> tablesHolding(tables, canary)
            .forEach(table -> findings.add(label + " in clear in table " + table)));
        doors.citizens.forEach((label, canary) -> {
            List<String> holding = tablesHolding(tables, canary);
            holding.stream().filter(CanaryScan::engineTable).forEach(table -> findings.add(label + " in engine table " + table));
            if (holding.stream().noneMatch(table -> !engineTable(table))) {
                findings.add(label + " not found in any of our tables: the scan would prove nothing");
            }
        });
        doors.formDisplayNames.forEach((label, canary) -> tablesHolding(tables, canary).stream()
            .filter(table -> engineTable(table) && !table.equals("act_ru_variable"))
            .forEach(table -> findings.add(label + " in engine table " + table)));
        return findings;
    }

    /** Every canary of the run (for the logs, where none may appear). */
    static List<String> everyCanary(CanaryDoors doors) {
        List<String> all = new ArrayList<>(doors.violenceLine.values());
        all.addAll(doors.counselling.values());
        all.addAll(doors.library.values());
        all.addAll(doors.citizens.values());
        all.addAll(doors.formDisplayNames.values());
        return all;
    }

    static List<String> findingsInLogs(CanaryDoors doors, String logs) {
        List<String> findings = new ArrayList<>();
        for (Map<String, String> canaries : List.of(doors.violenceLine, doors.counselling, doors.library, doors.citizens,
                doors.formDisplayNames)) {
            canaries.forEach((label, canary) -> {
                if (logs.contains(canary)) {
                    findings.add(label + " in the logs");
                }
            });
        }
        return findings;
    }
}
