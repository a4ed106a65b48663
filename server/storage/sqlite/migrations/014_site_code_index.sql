-- Site codes are unique per carrier network: every BTS write and every import looks them up (5,000 lookups for a
-- 5,000-site import), which without an index is a scan of the table each.
CREATE INDEX bts_sites_site_code ON bts_sites (site_code);
