-- The year a purchase earned its member's birthday bonus (null when it did not), so that cancelling the order that made
-- the purchase gives the bonus back to the year: the next purchase in the birthday month earns it.
ALTER TABLE loyalty_purchase ADD COLUMN birthday_bonus_year INTEGER NULL;
