import type { CollectionDef, PropertyDef } from '../collections/types.ts';
import { xmlEscape } from '../exports/patrol-plan.ts';

const JSON_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/** Units of measure from a property's name suffix (`_m`, `_vnd`, `_minutes`): UCUM codes, as Part 5's `x-ogc-unit` asks. */
const UNITS: [RegExp, string][] = [[/_m$/, 'm'], [/_minutes$/, 'min'], [/_vnd$/, '[VND]']];

/** The JSON Schema of one property's values, from the registry: type, format, vocabulary, unit, titles. */
export function propertySchema(def: PropertyDef): Record<string, unknown> {
  const base: Record<string, unknown> = { title: def.title, description: def.titleVi };
  const unit = UNITS.find(([pattern]) => pattern.test(def.name))?.[1];
  if (unit) base['x-ogc-unit'] = unit;
  const values = def.values ? { enum: [...def.values] } : {};
  switch (def.type) {
    case 'text': return { ...base, type: 'string', ...values };
    case 'integer': return { ...base, type: 'integer' };
    case 'real': return { ...base, type: 'number' };
    case 'boolean': return { ...base, type: 'boolean' };
    case 'date': return { ...base, type: 'string', format: 'date' };
    case 'datetime': return { ...base, type: 'string', format: 'date-time' };
    case 'text[]': return { ...base, type: 'array', items: { type: 'string', ...values } };
  }
}

/** Part 5's geometry format names for a collection's geometry kind (it stores single and multi parts). */
const GEOMETRY_FORMATS: Record<CollectionDef['geometry'], string> = {
  Point: 'geometry-point',
  Line: 'geometry-linestring-or-multilinestring',
  Polygon: 'geometry-polygon-or-multipolygon',
};

function geometrySchema(collection: CollectionDef): Record<string, unknown> {
  return { title: 'Geometry', format: GEOMETRY_FORMATS[collection.geometry], 'x-ogc-role': 'primary-geometry' };
}

/**
 * `/collections/{id}/queryables` (OGC API – Features Part 3): every property a filter may name, with its type,
 * vocabulary and unit, plus `id` and the geometry.
 */
export function queryablesDocument(base: string, collection: CollectionDef) {
  return {
    $schema: JSON_SCHEMA,
    $id: `${base}/collections/${collection.id}/queryables`,
    type: 'object',
    title: `${collection.title}: queryables`,
    properties: {
      id: { title: 'Feature id', type: 'integer' },
      geometry: geometrySchema(collection),
      ...Object.fromEntries(collection.properties.map((def) => [def.name, propertySchema(def)])),
    },
    additionalProperties: false,
  };
}

/**
 * `/collections/{id}/schema` (OGC API – Features Part 5): the features' properties with their roles; required ones
 * listed. Numbers keep their type whatever their value, so a client types `length_m` as a real from here, not from
 * the first page it happens to read.
 */
export function schemaDocument(base: string, collection: CollectionDef) {
  const properties: Record<string, unknown> = {
    id: { title: 'Feature id', type: 'integer', 'x-ogc-role': 'id' },
    geometry: geometrySchema(collection),
  };
  for (const def of collection.properties) {
    const schema = propertySchema(def);
    if (def.name === collection.temporalProperty) schema['x-ogc-role'] = 'primary-instant';
    properties[def.name] = schema;
  }
  return {
    $schema: JSON_SCHEMA,
    $id: `${base}/collections/${collection.id}/schema`,
    type: 'object',
    title: collection.title,
    description: collection.description,
    required: collection.properties.filter((def) => def.required).map((def) => def.name),
    properties,
  };
}

const XSD_TYPES: Record<PropertyDef['type'], string> = { text: 'xs:string', integer: 'xs:long', real: 'xs:double', boolean: 'xs:boolean', date: 'xs:date', datetime: 'xs:dateTime', 'text[]': 'xs:string' };
const GML_GEOMETRY: Record<CollectionDef['geometry'], string> = { Point: 'gml:PointPropertyType', Line: 'gml:MultiCurvePropertyType', Polygon: 'gml:MultiSurfacePropertyType' };

/**
 * The same schema as a GML 3.2 application schema. GDAL's OAPIF driver (3.6) types fields and the layer's geometry
 * from an XML schema linked as `describedBy`; lines are declared multi-curves, so a layer whose first page holds only
 * LineStrings is still a MultiLineString layer when MultiLineStrings follow.
 */
export function schemaXsd(collection: CollectionDef): string {
  const name = xmlEscape(collection.id);
  const elements = collection.properties.map((def) => `          <xs:element name="${xmlEscape(def.name)}" type="${XSD_TYPES[def.type]}" minOccurs="0"${def.type === 'text[]' ? ' maxOccurs="unbounded"' : ''}/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ng="urn:netguard:features" targetNamespace="urn:netguard:features" elementFormDefault="qualified" version="1.0">',
    '  <xs:import namespace="http://www.opengis.net/gml/3.2"/>',
    `  <xs:element name="${name}" type="ng:${name}Type" substitutionGroup="gml:AbstractFeature"/>`,
    `  <xs:complexType name="${name}Type">`,
    '    <xs:complexContent>',
    '      <xs:extension base="gml:AbstractFeatureType">',
    '        <xs:sequence>',
    `          <xs:element name="geometry" type="${GML_GEOMETRY[collection.geometry]}" minOccurs="0"/>`,
    ...elements,
    '        </xs:sequence>',
    '      </xs:extension>',
    '    </xs:complexContent>',
    '  </xs:complexType>',
    '</xs:schema>',
    '',
  ].join('\n');
}
