/*
 * Incidents carry a subcategory of their category, both from the controlled taxonomy
 * (`itsm.incidents.categories`), indexed with the creation time so problem detection and trend
 * reports can count incidents by category. Incidents stored before this migration keep their
 * category as it was (possibly free text) and have no subcategory.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .string('subcategory', 100)
      .nullable()
      .comment('A subcategory of the category, from the configured taxonomy');
    table.index(
      ['category', 'subcategory', 'created_at'],
      'itsm_incidents_category_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(
      ['category', 'subcategory', 'created_at'],
      'itsm_incidents_category_idx',
    );
    table.dropColumn('subcategory');
  });
};
