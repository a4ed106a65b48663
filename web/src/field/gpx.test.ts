import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { trackGpx } from './gpx.ts';

describe('the field app\'s GPX', () => {
  it('is read by togeojson as one timed track with the recorded positions', () => {
    const fixes = [{ lon: 108.0012345, lat: 14.35, accuracyMeters: 5, at: Date.UTC(2026, 11, 1, 1, 0) }, { lon: 108.002, lat: 14.351, accuracyMeters: 5, at: Date.UTC(2026, 11, 1, 1, 5) }];
    const document = new DOMParser().parseFromString(trackGpx('Tổ 1 <Kon Tum> & "ca 1"', fixes), 'text/xml');
    const [track] = gpx(document as unknown as Document).features;
    expect(track.properties?.name).toBe('Tổ 1 <Kon Tum> & "ca 1"');
    expect(track.geometry).toEqual({ type: 'LineString', coordinates: [[108.0012345, 14.35], [108.002, 14.351]] });
    expect(track.properties?.coordinateProperties?.times).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-01T01:05:00.000Z']);
  });
});
