-- SignOff registry tables for Microsoft SQL Server (2016 or later) and Azure SQL.
-- UNTESTED: written from the Transact-SQL reference (CREATE TABLE, CREATE INDEX, collations,
-- reserved keywords) and not run here; there is no SQL Server on the build machine. Please report
-- fixes.
--
-- For admins who create the tables themselves: run this once (sqlcmd -d signoff -i sqlserver.sql),
-- then grant the application's user SELECT, INSERT, UPDATE, DELETE on the seven tables.
--
-- NVARCHAR everywhere: the JDBC driver sends strings as Unicode by default, and comparing an
-- NVARCHAR parameter with a VARCHAR column can turn index seeks into scans. The binary collation
-- keeps handles and user names case-sensitive, as on every other database (the server default is
-- usually case-insensitive). BIGINT holds epoch milliseconds. DEVICE is the device described from
-- the User-Agent.

CREATE TABLE SIGNOFF_SESSION (
    HANDLE              NVARCHAR(32) COLLATE Latin1_General_100_BIN2  NOT NULL,
    TOKEN_DIGEST        NVARCHAR(64) COLLATE Latin1_General_100_BIN2  NOT NULL,
    USER_NAME           NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    PURPOSE             NVARCHAR(16)                                  NOT NULL,
    CREATED_AT          BIGINT                                        NOT NULL,
    LAST_SEEN_AT        BIGINT                                        NOT NULL,
    IDLE_EXPIRES_AT     BIGINT                                        NOT NULL,
    ABSOLUTE_EXPIRES_AT BIGINT                                        NOT NULL,
    REVOKED_AT          BIGINT,
    END_REASON          NVARCHAR(32),
    IP                  NVARCHAR(64),
    USER_AGENT          NVARCHAR(512),
    DEVICE              NVARCHAR(100),
    CONSTRAINT SIGNOFF_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE UNIQUE INDEX SIGNOFF_SESSION_DIGEST ON SIGNOFF_SESSION (TOKEN_DIGEST);
CREATE INDEX SIGNOFF_SESSION_USER ON SIGNOFF_SESSION (USER_NAME, REVOKED_AT);
CREATE INDEX SIGNOFF_SESSION_REVOKED ON SIGNOFF_SESSION (REVOKED_AT);

CREATE TABLE SIGNOFF_AUDIT (
    ID          NVARCHAR(32) COLLATE Latin1_General_100_BIN2  NOT NULL,
    OCCURRED_AT BIGINT                                        NOT NULL,
    USER_NAME   NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    HANDLE      NVARCHAR(32) COLLATE Latin1_General_100_BIN2  NOT NULL,
    EVENT       NVARCHAR(16)                                  NOT NULL,
    REASON      NVARCHAR(32),
    IP          NVARCHAR(64),
    CONSTRAINT SIGNOFF_AUDIT_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_AUDIT_USER ON SIGNOFF_AUDIT (USER_NAME, OCCURRED_AT);
CREATE INDEX SIGNOFF_AUDIT_AT ON SIGNOFF_AUDIT (OCCURRED_AT);

-- Refresh tokens rotated away, kept as digests as long as their family (SIGNOFF_SESSION row of
-- purpose REFRESH), so that presenting one again is recognised as reuse.
CREATE TABLE SIGNOFF_SPENT_TOKEN (
    TOKEN_DIGEST     NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    HANDLE           NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    SUCCESSOR_DIGEST NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    SPENT_AT         BIGINT                                       NOT NULL,
    CONSTRAINT SIGNOFF_SPENT_TOKEN_PK PRIMARY KEY (TOKEN_DIGEST)
);
CREATE INDEX SIGNOFF_SPENT_TOKEN_HANDLE ON SIGNOFF_SPENT_TOKEN (HANDLE);

-- Revocation records of Bearer access tokens (signoff.bearer.issuers): one token, a refresh
-- family's tokens, or a user's tokens issued before a log out everywhere; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_ACCESS_REVOCATION (
    ID         NVARCHAR(32) COLLATE Latin1_General_100_BIN2  NOT NULL,
    KIND       NVARCHAR(16)                                  NOT NULL,
    SUBJECT    NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    USER_NAME  NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    REVOKED_AT BIGINT                                        NOT NULL,
    EXPIRES_AT BIGINT                                        NOT NULL,
    REASON     NVARCHAR(32),
    CONSTRAINT SIGNOFF_ACCESS_REVOCATION_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_AT ON SIGNOFF_ACCESS_REVOCATION (REVOKED_AT);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_EXPIRES ON SIGNOFF_ACCESS_REVOCATION (EXPIRES_AT);

-- The groups of remember-me logins (SIGNOFF_SESSION rows of purpose REMEMBER_ME, same handle),
-- one per line; purged with their session.
CREATE TABLE SIGNOFF_REMEMBER_ME (
    HANDLE      NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    GROUP_NAMES NVARCHAR(4000),
    CONSTRAINT SIGNOFF_REMEMBER_ME_PK PRIMARY KEY (HANDLE)
);

-- Which OpenID Provider session (digest of issuer and sid) and user (digest of issuer and sub) a
-- registry session was logged in through (same handle); purged with their session.
CREATE TABLE SIGNOFF_PROVIDER_SESSION (
    HANDLE      NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    SID_KEY     NVARCHAR(64) COLLATE Latin1_General_100_BIN2,
    SUBJECT_KEY NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT SIGNOFF_PROVIDER_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE INDEX SIGNOFF_PROVIDER_SID ON SIGNOFF_PROVIDER_SESSION (SID_KEY);
CREATE INDEX SIGNOFF_PROVIDER_SUBJECT ON SIGNOFF_PROVIDER_SESSION (SUBJECT_KEY);

-- Back-channel logout tokens received (digest of issuer and jti), so a replay is refused on any
-- node; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_LOGOUT_TOKEN (
    KEY_DIGEST NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    EXPIRES_AT BIGINT NOT NULL,
    CONSTRAINT SIGNOFF_LOGOUT_TOKEN_PK PRIMARY KEY (KEY_DIGEST)
);
