package pool

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestOrderedKeepsOrder(t *testing.T) {
	for _, n := range []int{0, 1, 3, 16} {
		got, err := Ordered(context.Background(), n, func(emit func(int) error) error {
			for i := 0; i < 500; i++ {
				if err := emit(i); err != nil {
					return err
				}
			}
			return nil
		}, func(v int) int {
			if v%7 == 0 {
				time.Sleep(time.Millisecond) // out-of-order finishes
			}
			return v * v
		})
		if err != nil || len(got) != 500 {
			t.Fatalf("workers %d: %d results, %v", n, len(got), err)
		}
		for i, r := range got {
			if r != i*i {
				t.Fatalf("workers %d: result %d is %d", n, i, r)
			}
		}
	}
}

func TestOrderedStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	got, err := Ordered(ctx, 2, func(emit func(int) error) error {
		for i := 0; ; i++ {
			if i == 50 {
				cancel()
			}
			if err := emit(i); err != nil {
				return err
			}
		}
	}, func(v int) int { return v })
	if !errors.Is(err, context.Canceled) || len(got) > 60 {
		t.Errorf("err %v, %d results", err, len(got))
	}
	for i, r := range got {
		if r != i {
			t.Fatalf("result %d is %d", i, r)
		}
	}
}

func TestIndexed(t *testing.T) {
	got, err := Indexed(context.Background(), 3, 100, func(i int) int { return 2 * i })
	if err != nil || len(got) != 100 {
		t.Fatalf("%d results, %v", len(got), err)
	}
	for i, r := range got {
		if r != 2*i {
			t.Fatalf("result %d is %d", i, r)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Indexed(ctx, 2, 10, func(i int) int { return i }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
