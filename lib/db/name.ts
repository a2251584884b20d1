// Apart from schema.ts so the server can name the database without bundling Dexie.
export const DB_NAME = "siliconplay";
