package tr.bel.izmit.kadinaile.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The uploaded files in our own table {@code doc_upload}: one row per file, written in one statement (a file is there
 * whole or not at all), never in the engine's tables or variables.
 */
@Repository
class DocumentStore {

    private static final String COLUMNS = "id, process_key, case_ref, document_key, content_type, size_bytes, sha256, uploaded_at";

    private final JdbcTemplate jdbc;

    DocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String processKey, String trackingCode, String documentKey, String contentType, byte[] content, String sha256,
            Instant uploadedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into doc_upload (process_key, case_ref, document_key, content_type, "
                + "size_bytes, sha256, content, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, processKey);
            statement.setString(2, trackingCode);
            statement.setString(3, documentKey);
            statement.setString(4, contentType);
            statement.setLong(5, content.length);
            statement.setString(6, sha256);
            statement.setBytes(7, content);
            statement.setTimestamp(8, Timestamp.from(uploadedAt));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    int count(String processKey, String trackingCode) {
        return jdbc.queryForObject("select count(*) from doc_upload where process_key = ? and case_ref = ?", Integer.class,
            processKey, trackingCode);
    }

    List<UploadedDocument> list(String processKey, String trackingCode) {
        return jdbc.query("select " + COLUMNS + " from doc_upload where process_key = ? and case_ref = ? order by id",
            DocumentStore::row, processKey, trackingCode);
    }

    Optional<UploadedDocument> find(long id) {
        return jdbc.query("select " + COLUMNS + " from doc_upload where id = ?", DocumentStore::row, id).stream().findFirst();
    }

    byte[] content(long id) {
        return jdbc.queryForObject("select content from doc_upload where id = ?", byte[].class, id);
    }

    /** The cases that have uploads: process key and tracking code. */
    List<String[]> cases() {
        return jdbc.query("select distinct process_key, case_ref from doc_upload",
            (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
    }

    int deleteCase(String processKey, String trackingCode) {
        return jdbc.update("delete from doc_upload where process_key = ? and case_ref = ?", processKey, trackingCode);
    }

    private static UploadedDocument row(ResultSet rs, int n) throws SQLException {
        return new UploadedDocument(rs.getLong("id"), rs.getString("process_key"), rs.getString("case_ref"),
            rs.getString("document_key"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getTimestamp("uploaded_at").toInstant());
    }
}
