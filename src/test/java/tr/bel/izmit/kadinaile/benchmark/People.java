package tr.bel.izmit.kadinaile.benchmark;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/**
 * Invented applicants of the simulated year: T.C. Kimlik No, Vergi Kimlik No and mobile numbers that pass their
 * checks, unique per kind of applicant and index. Nobody real.
 */
final class People {

    private People() {
    }

    /** A valid T.C. Kimlik No: the kind (1-9) then the index in eight digits, then the two check digits. */
    static String tcKimlikNo(int kind, int index) {
        return IdentityNumbers.tcKimlikNo(kind, index);
    }

    /** A valid tax number: the kind, the index in eight digits and the check digit. */
    static String vergiKimlikNo(int kind, int index) {
        return IdentityNumbers.vergiKimlikNo(kind, index);
    }

    /** A mobile number 05kk followed by seven digits of the index. */
    static String phone(int kind, int index) {
        return "05" + (30 + kind) + String.format("%07d", index % 10_000_000);
    }
}
