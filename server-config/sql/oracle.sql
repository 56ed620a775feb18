-- SignOff registry tables for Oracle Database (12.2 or later).
-- UNTESTED: written from Oracle's SQL Language Reference (CREATE TABLE, data types, reserved
-- words) and not run here; there is no Oracle server on the build machine. Please report fixes.
--
-- For admins who create the tables themselves: run this once as the schema owner (SQL*Plus or
-- SQLcl: @oracle.sql), then grant the application's user SELECT, INSERT, UPDATE, DELETE on both
-- tables (and let it see them, e.g. with synonyms or ALTER SESSION SET CURRENT_SCHEMA).
--
-- NUMBER(19) holds epoch milliseconds (Java long); VARCHAR2(n CHAR) counts characters, not bytes.
-- Oracle compares strings case-sensitively, as SignOff expects. DEVICE is the device described
-- from the User-Agent.

CREATE TABLE SIGNOFF_SESSION (
    HANDLE              VARCHAR2(32 CHAR)  NOT NULL,
    TOKEN_DIGEST        VARCHAR2(64 CHAR)  NOT NULL,
    USER_NAME           VARCHAR2(255 CHAR) NOT NULL,
    PURPOSE             VARCHAR2(16 CHAR)  NOT NULL,
    CREATED_AT          NUMBER(19)         NOT NULL,
    LAST_SEEN_AT        NUMBER(19)         NOT NULL,
    IDLE_EXPIRES_AT     NUMBER(19)         NOT NULL,
    ABSOLUTE_EXPIRES_AT NUMBER(19)         NOT NULL,
    REVOKED_AT          NUMBER(19),
    END_REASON          VARCHAR2(32 CHAR),
    IP                  VARCHAR2(64 CHAR),
    USER_AGENT          VARCHAR2(512 CHAR),
    DEVICE              VARCHAR2(100 CHAR),
    CONSTRAINT SIGNOFF_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE UNIQUE INDEX SIGNOFF_SESSION_DIGEST ON SIGNOFF_SESSION (TOKEN_DIGEST);
CREATE INDEX SIGNOFF_SESSION_USER ON SIGNOFF_SESSION (USER_NAME, REVOKED_AT);
CREATE INDEX SIGNOFF_SESSION_REVOKED ON SIGNOFF_SESSION (REVOKED_AT);

CREATE TABLE SIGNOFF_AUDIT (
    ID          VARCHAR2(32 CHAR)  NOT NULL,
    OCCURRED_AT NUMBER(19)         NOT NULL,
    USER_NAME   VARCHAR2(255 CHAR) NOT NULL,
    HANDLE      VARCHAR2(32 CHAR)  NOT NULL,
    EVENT       VARCHAR2(16 CHAR)  NOT NULL,
    REASON      VARCHAR2(32 CHAR),
    IP          VARCHAR2(64 CHAR),
    CONSTRAINT SIGNOFF_AUDIT_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_AUDIT_USER ON SIGNOFF_AUDIT (USER_NAME, OCCURRED_AT);
CREATE INDEX SIGNOFF_AUDIT_AT ON SIGNOFF_AUDIT (OCCURRED_AT);

-- Refresh tokens rotated away, kept as digests as long as their family (SIGNOFF_SESSION row of
-- purpose REFRESH), so that presenting one again is recognised as reuse.
CREATE TABLE SIGNOFF_SPENT_TOKEN (
    TOKEN_DIGEST     VARCHAR2(64 CHAR) NOT NULL,
    HANDLE           VARCHAR2(32 CHAR) NOT NULL,
    SUCCESSOR_DIGEST VARCHAR2(64 CHAR) NOT NULL,
    SPENT_AT         NUMBER(19)        NOT NULL,
    CONSTRAINT SIGNOFF_SPENT_TOKEN_PK PRIMARY KEY (TOKEN_DIGEST)
);
CREATE INDEX SIGNOFF_SPENT_TOKEN_HANDLE ON SIGNOFF_SPENT_TOKEN (HANDLE);

-- Revocation records of Bearer access tokens (signoff.bearer.issuers): one token, a refresh
-- family's tokens, or a user's tokens issued before a log out everywhere; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_ACCESS_REVOCATION (
    ID         VARCHAR2(32 CHAR)  NOT NULL,
    KIND       VARCHAR2(16 CHAR)  NOT NULL,
    SUBJECT    VARCHAR2(255 CHAR) NOT NULL,
    USER_NAME  VARCHAR2(255 CHAR) NOT NULL,
    REVOKED_AT NUMBER(19)         NOT NULL,
    EXPIRES_AT NUMBER(19)         NOT NULL,
    REASON     VARCHAR2(32 CHAR),
    CONSTRAINT SIGNOFF_ACCESS_REVOCATION_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_AT ON SIGNOFF_ACCESS_REVOCATION (REVOKED_AT);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_EXPIRES ON SIGNOFF_ACCESS_REVOCATION (EXPIRES_AT);

-- The groups of remember-me logins (SIGNOFF_SESSION rows of purpose REMEMBER_ME, same handle),
-- one per line; purged with their session.
CREATE TABLE SIGNOFF_REMEMBER_ME (
    HANDLE      VARCHAR2(32 CHAR)   NOT NULL,
    GROUP_NAMES VARCHAR2(4000 CHAR),
    CONSTRAINT SIGNOFF_REMEMBER_ME_PK PRIMARY KEY (HANDLE)
);

-- Which OpenID Provider session (digest of issuer and sid) and user (digest of issuer and sub) a
-- registry session was logged in through (same handle); purged with their session.
CREATE TABLE SIGNOFF_PROVIDER_SESSION (
    HANDLE      VARCHAR2(32 CHAR) NOT NULL,
    SID_KEY     VARCHAR2(64 CHAR),
    SUBJECT_KEY VARCHAR2(64 CHAR) NOT NULL,
    CONSTRAINT SIGNOFF_PROVIDER_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE INDEX SIGNOFF_PROVIDER_SID ON SIGNOFF_PROVIDER_SESSION (SID_KEY);
CREATE INDEX SIGNOFF_PROVIDER_SUBJECT ON SIGNOFF_PROVIDER_SESSION (SUBJECT_KEY);

-- Back-channel logout tokens received (digest of issuer and jti), so a replay is refused on any
-- node; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_LOGOUT_TOKEN (
    KEY_DIGEST VARCHAR2(64 CHAR) NOT NULL,
    EXPIRES_AT NUMBER(19) NOT NULL,
    CONSTRAINT SIGNOFF_LOGOUT_TOKEN_PK PRIMARY KEY (KEY_DIGEST)
);
