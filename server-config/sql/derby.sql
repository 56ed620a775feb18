-- SignOff registry tables for Apache Derby (tested: Derby 10.16, by ./mvnw verify).
--
-- The embedded default needs none of this: JPA schema generation creates the tables on first use.
-- For a Derby network server whose tables an admin creates, run it with ij:
--
--   ij> CONNECT 'jdbc:derby://dbhost:1527/signoff;user=signoff';
--   ij> RUN 'derby.sql';
--
-- Times are epoch milliseconds (BIGINT). DEVICE is the device described from the User-Agent.

CREATE TABLE SIGNOFF_SESSION (
    HANDLE              VARCHAR(32)  NOT NULL,
    TOKEN_DIGEST        VARCHAR(64)  NOT NULL,
    USER_NAME           VARCHAR(255) NOT NULL,
    PURPOSE             VARCHAR(16)  NOT NULL,
    CREATED_AT          BIGINT       NOT NULL,
    LAST_SEEN_AT        BIGINT       NOT NULL,
    IDLE_EXPIRES_AT     BIGINT       NOT NULL,
    ABSOLUTE_EXPIRES_AT BIGINT       NOT NULL,
    REVOKED_AT          BIGINT,
    END_REASON          VARCHAR(32),
    IP                  VARCHAR(64),
    USER_AGENT          VARCHAR(512),
    DEVICE              VARCHAR(100),
    CONSTRAINT SIGNOFF_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE UNIQUE INDEX SIGNOFF_SESSION_DIGEST ON SIGNOFF_SESSION (TOKEN_DIGEST);
CREATE INDEX SIGNOFF_SESSION_USER ON SIGNOFF_SESSION (USER_NAME, REVOKED_AT);
CREATE INDEX SIGNOFF_SESSION_REVOKED ON SIGNOFF_SESSION (REVOKED_AT);

CREATE TABLE SIGNOFF_AUDIT (
    ID          VARCHAR(32)  NOT NULL,
    OCCURRED_AT BIGINT       NOT NULL,
    USER_NAME   VARCHAR(255) NOT NULL,
    HANDLE      VARCHAR(32)  NOT NULL,
    EVENT       VARCHAR(16)  NOT NULL,
    REASON      VARCHAR(32),
    IP          VARCHAR(64),
    CONSTRAINT SIGNOFF_AUDIT_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_AUDIT_USER ON SIGNOFF_AUDIT (USER_NAME, OCCURRED_AT);
CREATE INDEX SIGNOFF_AUDIT_AT ON SIGNOFF_AUDIT (OCCURRED_AT);

-- Refresh tokens rotated away, kept as digests as long as their family (SIGNOFF_SESSION row of
-- purpose REFRESH), so that presenting one again is recognised as reuse.
CREATE TABLE SIGNOFF_SPENT_TOKEN (
    TOKEN_DIGEST     VARCHAR(64)  NOT NULL,
    HANDLE           VARCHAR(32)  NOT NULL,
    SUCCESSOR_DIGEST VARCHAR(64)  NOT NULL,
    SPENT_AT         BIGINT       NOT NULL,
    CONSTRAINT SIGNOFF_SPENT_TOKEN_PK PRIMARY KEY (TOKEN_DIGEST)
);
CREATE INDEX SIGNOFF_SPENT_TOKEN_HANDLE ON SIGNOFF_SPENT_TOKEN (HANDLE);

-- Revocation records of Bearer access tokens (signoff.bearer.issuers): one token, a refresh
-- family's tokens, or a user's tokens issued before a log out everywhere; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_ACCESS_REVOCATION (
    ID         VARCHAR(32)  NOT NULL,
    KIND       VARCHAR(16)  NOT NULL,
    SUBJECT    VARCHAR(255) NOT NULL,
    USER_NAME  VARCHAR(255) NOT NULL,
    REVOKED_AT BIGINT       NOT NULL,
    EXPIRES_AT BIGINT       NOT NULL,
    REASON     VARCHAR(32),
    CONSTRAINT SIGNOFF_ACCESS_REVOCATION_PK PRIMARY KEY (ID)
);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_AT ON SIGNOFF_ACCESS_REVOCATION (REVOKED_AT);
CREATE INDEX SIGNOFF_ACCESS_REVOCATION_EXPIRES ON SIGNOFF_ACCESS_REVOCATION (EXPIRES_AT);

-- The groups of remember-me logins (SIGNOFF_SESSION rows of purpose REMEMBER_ME, same handle),
-- one per line; purged with their session.
CREATE TABLE SIGNOFF_REMEMBER_ME (
    HANDLE      VARCHAR(32)   NOT NULL,
    GROUP_NAMES VARCHAR(4000),
    CONSTRAINT SIGNOFF_REMEMBER_ME_PK PRIMARY KEY (HANDLE)
);

-- Which OpenID Provider session (digest of issuer and sid) and user (digest of issuer and sub) a
-- registry session was logged in through (same handle); purged with their session.
CREATE TABLE SIGNOFF_PROVIDER_SESSION (
    HANDLE      VARCHAR(32) NOT NULL,
    SID_KEY     VARCHAR(64),
    SUBJECT_KEY VARCHAR(64) NOT NULL,
    CONSTRAINT SIGNOFF_PROVIDER_SESSION_PK PRIMARY KEY (HANDLE)
);
CREATE INDEX SIGNOFF_PROVIDER_SID ON SIGNOFF_PROVIDER_SESSION (SID_KEY);
CREATE INDEX SIGNOFF_PROVIDER_SUBJECT ON SIGNOFF_PROVIDER_SESSION (SUBJECT_KEY);

-- Back-channel logout tokens received (digest of issuer and jti), so a replay is refused on any
-- node; purged after EXPIRES_AT.
CREATE TABLE SIGNOFF_LOGOUT_TOKEN (
    KEY_DIGEST VARCHAR(64) NOT NULL,
    EXPIRES_AT BIGINT NOT NULL,
    CONSTRAINT SIGNOFF_LOGOUT_TOKEN_PK PRIMARY KEY (KEY_DIGEST)
);
