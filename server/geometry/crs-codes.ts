/**
 * EPSG codes of the CRSs NetGuard serves besides CRS84: WGS 84 (lat/lon), Web Mercator, VN-2000 geographic, its UTM
 * zones 48N/49N and every VN-2000 TM-3 provincial zone (Kon Tum's is EPSG:9216, 107°30').
 */
export const CRS_CODES = [4326, 3857, 4756, 3405, 3406, 5896, 5897, 5898, 5899, 9205, 9206, 9207, 9208, 9209, 9210, 9211, 9212, 9213, 9214, 9215, 9216, 9217, 9218] as const;
