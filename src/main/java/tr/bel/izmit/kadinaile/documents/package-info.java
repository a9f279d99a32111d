/**
 * The documents a service needs and those citizens upload: each capability declares its required documents once
 * ({@link RequiredDocuments}, implemented in its own package, usually through {@link RequiredDocumentsSupport}); the
 * portal's pages show them (fragment {@code templates/portal/documents.html} over {@link DocumentCatalog}); uploads
 * (PDF, JPEG, PNG; the content type detected from the bytes) are kept in our own table {@code doc_upload}, never in
 * the engine, readable only by the staff the process's access policy names; the officer's checklist is checked on
 * the server ({@link DocumentChecklistListener}). It names no capability.
 */
@ApplicationModule(displayName = "Documents")
package tr.bel.izmit.kadinaile.documents;

import org.springframework.modulith.ApplicationModule;
