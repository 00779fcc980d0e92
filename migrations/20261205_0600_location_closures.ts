import { sql, type Kysely } from 'kysely';

/**
 * Days and hours on which a location is closed for everyone: the public holidays of its federal
 * state (computed by Lotse from `federal_state`, never stored) and the closures an administrator
 * enters (Christmas Eve from noon, a staff meeting). A closure is one local day, whole or a time
 * range on it, in the location's zone, as clerks' day overrides are. Both change what is
 * bookable, so both bump schedule_version like hours and absences do.
 * location_opening_hours keeps its rows and now means what they always showed: the hours in
 * which visitors are seen without an appointment (walk-in hours).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE location ADD COLUMN federal_state text
      CHECK (federal_state IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH'));
    COMMENT ON COLUMN location.federal_state IS 'Bundesland (ISO 3166-2:DE without DE-); null: only nationwide public holidays apply';
    COMMENT ON TABLE location_opening_hours IS 'Walk-in hours: when visitors are seen without an appointment';

    CREATE TABLE location_closure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      day date NOT NULL,
      starts time,
      ends time,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
      created_by uuid REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      CHECK ((starts IS NULL) = (ends IS NULL)),
      CHECK (starts < ends)
    );
    CREATE INDEX location_closure_by_day ON location_closure (location_id, day);

    CREATE TRIGGER location_closure_bumps_schedule_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON location_closure
      FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_version();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE location_closure;
    COMMENT ON TABLE location_opening_hours IS NULL;
    ALTER TABLE location DROP COLUMN federal_state;
  `.execute(db);
}
