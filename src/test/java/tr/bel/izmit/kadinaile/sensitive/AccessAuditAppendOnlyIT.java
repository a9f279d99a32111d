package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * On a real PostgreSQL, for every service's access audit built on the kit ({@link AccessAuditEntry}; today the violence
 * line's {@code vl_access_audit} and counselling's {@code iz_access_audit}): the entity is immutable, so a changed
 * loaded row is never written back, and the table's trigger rejects UPDATE, DELETE and TRUNCATE whatever SQL arrives.
 * A new service's audit without its trigger fails here. Same context as {@code ViolenceAuditAppendOnlyIT}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class AccessAuditAppendOnlyIT {

    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepEveryAccessAuditAppendOnly() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        List<Class<?>> audits = entityManagerFactory.getMetamodel().getEntities().stream().<Class<?>>map(EntityType::getJavaType)
            .filter(AccessAuditEntry.class::isAssignableFrom).toList();
        assertThat(audits).extracting(Class::getSimpleName).contains("AccessAudit", "CounsellingAudit");

        for (Class<?> audit : audits) {
            assertThat(audit.isAnnotationPresent(Immutable.class)).as(audit.getName() + " is @Immutable").isTrue();
            String table = audit.getAnnotation(Table.class).name();
            Object action = audit.getDeclaredField("action").getType().getEnumConstants()[0];
            jdbc.update("insert into " + table + " (case_id, user_id, accessed_at, action) values (4711, 'kit.check', "
                + "current_timestamp, ?)", action.toString());
            Long id = jdbc.queryForObject("select max(id) from " + table + " where user_id = 'kit.check'", Long.class);

            changeLoadedRow(audit, id);
            assertThatThrownBy(() -> jdbc.update("update " + table + " set user_id = 'someone.else' where id = ?", id))
                .as(table).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from " + table + " where id = ?", id))
                .as(table).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.execute("truncate table " + table))
                .as(table).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThat(jdbc.queryForList("select user_id from " + table + " where id = ?", String.class, id))
                .as(table).isEqualTo(List.of("kit.check"));
        }
    }

    /** Changes a loaded audit row in memory and commits: Hibernate must not send an UPDATE (the trigger would refuse it). */
    private void changeLoadedRow(Class<?> audit, Long id) throws NoSuchFieldException {
        Field userId = AccessAuditEntry.class.getDeclaredField("userId");
        userId.setAccessible(true);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Object loaded = entityManager.find(audit, id);
            try {
                userId.set(loaded, "someone.else");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            entityManager.flush();
        });
    }
}
