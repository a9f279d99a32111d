-- İZGİM's children's library: the child's personal data encrypted at rest with İZGİM's key (izgim.library.LibraryChild,
-- the converter izgim.CounsellingEncryptedConverter). The first name, the birth year and the parent's name and phone
-- now hold base64 of IV | ciphertext | tag (AES-256-GCM), longer than the text and not a number: the columns become
-- wide text. The rows already there are encrypted by the Java step V30_1 (izgim.library.LibraryChildEncryption), which
-- holds the key; the card number stays in clear (a random code the system made, the key the desk looks a child up by).
alter table izl_child alter column first_name set data type varchar(600);
alter table izl_child alter column birth_year set data type varchar(600);
alter table izl_child alter column parent_name set data type varchar(600);
alter table izl_child alter column parent_phone set data type varchar(600);
