/**
 * @module Each case's number of messages, kept by triggers. The escalation check after every customer message
 * compares it with the thread it kept of the case, to notice a message that committed late among the kept ones;
 * counting the thread's rows instead read one heap page per message (a thread of 70 messages: ~85 % of the check's
 * time), and more as threads grow.
 *
 * Statement-level triggers, one row update per case and statement: an insert of a batch of messages adds to each
 * case's count once. Every case has its row from the start (so a writer can lock it ahead: `lockCaseMessageCounts`),
 * and the counts are changed in case order, so two statements adding to the same cases lock their rows in one order
 * and cannot deadlock on them.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_message_counts (
      case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      messages bigint NOT NULL CHECK (messages >= 0)
    );

    CREATE FUNCTION case_message_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO case_message_counts AS k (case_id, messages)
        SELECT case_id, count(*) FROM added GROUP BY case_id ORDER BY case_id
        ON CONFLICT (case_id) DO UPDATE SET messages = k.messages + EXCLUDED.messages;
      RETURN NULL;
    END $$;

    CREATE FUNCTION case_message_counts_open() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO case_message_counts (case_id, messages) SELECT id, 0 FROM opened ORDER BY id;
      RETURN NULL;
    END $$;

    CREATE FUNCTION case_message_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A case deleted with its messages takes its count row along (ON DELETE CASCADE); the others are lowered,
      -- their rows locked in case order first, as inserts lock them.
      PERFORM 1 FROM case_message_counts WHERE case_id IN (SELECT case_id FROM removed) ORDER BY case_id FOR UPDATE;
      UPDATE case_message_counts AS k SET messages = k.messages - r.n
        FROM (SELECT case_id, count(*) AS n FROM removed GROUP BY case_id) AS r
       WHERE k.case_id = r.case_id;
      RETURN NULL;
    END $$;

    -- A message stays on its case (nothing moves one); the counts rely on it.
    CREATE FUNCTION messages_case_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.case_id IS DISTINCT FROM OLD.case_id THEN
        RAISE EXCEPTION 'a message cannot move to another case' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;

    CREATE FUNCTION case_message_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE case_message_counts SET messages = 0;
      RETURN NULL;
    END $$;

    CREATE TRIGGER cases_counted AFTER INSERT ON cases
      REFERENCING NEW TABLE AS opened FOR EACH STATEMENT EXECUTE FUNCTION case_message_counts_open();
    CREATE TRIGGER messages_counted_in AFTER INSERT ON messages
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION case_message_counts_add();
    CREATE TRIGGER messages_counted_out AFTER DELETE ON messages
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION case_message_counts_remove();
    CREATE TRIGGER messages_case_fixed BEFORE UPDATE OF case_id ON messages
      FOR EACH ROW EXECUTE FUNCTION messages_case_fixed();
    CREATE TRIGGER messages_counted_cleared AFTER TRUNCATE ON messages
      FOR EACH STATEMENT EXECUTE FUNCTION case_message_counts_clear();

    INSERT INTO case_message_counts (case_id, messages)
      SELECT c.id, (SELECT count(*) FROM messages m WHERE m.case_id = c.id) FROM cases c;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER cases_counted ON cases;
    DROP TRIGGER messages_counted_in ON messages;
    DROP TRIGGER messages_counted_out ON messages;
    DROP TRIGGER messages_case_fixed ON messages;
    DROP TRIGGER messages_counted_cleared ON messages;
    DROP FUNCTION case_message_counts_open(), case_message_counts_add(), case_message_counts_remove(), messages_case_fixed(),
      case_message_counts_clear();
    DROP TABLE case_message_counts;
  `.execute(db);
}
